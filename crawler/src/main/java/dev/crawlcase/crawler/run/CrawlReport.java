package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.output.RunSummary;

import java.nio.file.Path;

/**
 * What a finished (or stopped) crawl leaves behind.
 *
 * @param summary     the run's summary (also written to {@code summaryFile})
 * @param records     the JSONL file, one record per discovered URL
 * @param stopped     true when a stop request ended the crawl early
 */
public record CrawlReport(RunSummary summary, Path records, Path summaryFile, boolean stopped) {
}
