package dev.crawlcase.crawler.state;

import java.util.List;
import java.util.Map;

/**
 * One checkpoint's worth of changes, written and committed together: URLs found (value: depth, or a done mark)
 * and the JSON lines of the records, numbered from {@code firstSeq}.
 */
record StateBatch(Map<String, Integer> found, List<String> recordLines, long firstSeq) {
}
