package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.LatencyBuckets;
import dev.crawlcase.crawler.output.RunSummary;

/**
 * A crawl's figures at one moment.
 *
 * @param summary     the summary as it would read if the crawl ended now
 * @param liveThreads live platform threads of the crawler now (not the peak)
 * @param heapBytes   heap in use now (not the peak)
 * @param latency     the fetch latencies so far, in buckets
 */
public record CrawlNow(RunSummary summary, int liveThreads, long heapBytes, LatencyBuckets latency) {
    /** Figures without latency buckets (none counted). */
    public CrawlNow(RunSummary summary, int liveThreads, long heapBytes) {
        this(summary, liveThreads, heapBytes, LatencyBuckets.NONE);
    }
}
