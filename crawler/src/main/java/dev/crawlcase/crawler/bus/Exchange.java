package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.FetchOutcome;

import java.util.List;

/**
 * One fetcher-to-frontier message: the outcomes it has finished since its last exchange and how many new tasks it
 * wants. The frontier takes the outcomes first, then answers with a {@link dev.crawlcase.crawler.task.Lease}; with
 * {@code max} 0 the answer comes at once, otherwise it may be parked until there is work or the crawl ends.
 *
 * @param fetcherId who asks (for logs and the frontier's view of its fetchers)
 * @param outcomes  finished tasks, possibly none
 * @param max       tasks wanted, 0 to only report
 */
public record Exchange(String fetcherId, List<FetchOutcome> outcomes, int max) {
    public Exchange {
        outcomes = List.copyOf(outcomes);
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, got " + max);
        }
    }
}
