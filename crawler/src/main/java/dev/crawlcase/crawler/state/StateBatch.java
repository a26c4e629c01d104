package dev.crawlcase.crawler.state;

import java.util.List;
import java.util.Map;

/**
 * One checkpoint's worth of changes, written and committed together: URLs found (value: depth, or a done mark)
 * and the JSON lines of the records, numbered from {@code firstSeq}.
 */
record StateBatch(Map<String, Integer> found, List<String> recordLines, long firstSeq) {
    /**
     * What a URL's entry becomes when {@code found} comes after {@code old} (null: none yet): a done mark wins
     * over a depth and stays; of two depths the smaller stays. A part's own URLs only ever come back shallower or
     * done; a URL it handed off to another part may come back deeper, and must keep the depth it was first sent at.
     */
    static int kept(Integer old, int found) {
        if (old == null || found < 0) {
            return found;
        }
        return old < 0 ? old : Math.min(old, found);
    }
}
