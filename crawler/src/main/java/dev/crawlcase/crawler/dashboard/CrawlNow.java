package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.RunSummary;

/**
 * A crawl's figures at one moment.
 *
 * @param summary     the summary as it would read if the crawl ended now
 * @param liveThreads live platform threads of the crawler now (not the peak)
 * @param heapBytes   heap in use now (not the peak)
 */
public record CrawlNow(RunSummary summary, int liveThreads, long heapBytes) {
}
