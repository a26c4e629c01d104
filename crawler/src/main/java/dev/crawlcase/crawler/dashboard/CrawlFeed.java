package dev.crawlcase.crawler.dashboard;

import java.util.Optional;

/** One crawl as the dashboard reads it, on its own timer and from any thread. */
@FunctionalInterface
public interface CrawlFeed {
    /**
     * The crawl's figures now, or empty before it has started.
     *
     * @param peakInFlight the most fetches in flight so far, as the frontier's latest progress event says
     */
    Optional<CrawlNow> now(long peakInFlight);
}
