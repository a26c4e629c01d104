package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.output.RunSummary;

import java.nio.file.Path;

/**
 * What a finished (or stopped) crawl leaves behind.
 *
 * @param summary     the run's summary (also written to {@code summaryFile}); null when a stop came while the crawl's
 *                    state was restored, before anything was fetched (no summary was written then)
 * @param records     the JSONL file, one record per discovered URL
 * @param stopped     true when a stop request ended the crawl early
 */
public record CrawlReport(RunSummary summary, Path records, Path summaryFile, boolean stopped) {
    /** Whether the stop came during the restore of the state: nothing fetched, the files as the last run left them. */
    public boolean stoppedInRestore() {
        return summary == null;
    }
}
