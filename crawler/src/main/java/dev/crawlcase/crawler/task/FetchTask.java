package dev.crawlcase.crawler.task;

/**
 * One unit of work the frontier hands to a fetcher: fetch {@code url} once.
 *
 * @param leaseId   unique per lease, across the frontiers of a crawl too (the frontier's epoch is its high 32 bits); a
 *                  result whose lease expired, was already completed or came from another frontier is ignored
 * @param url       normalised absolute http(s) URL
 * @param depth     link (and redirect) hops from a seed
 * @param attempt   1 for the first try, 2 for the first retry, ...
 * @param redirects how many redirects led to this URL in the current chain (0 if reached by a link)
 * @param kind      PAGE for a crawl page, ROBOTS for a host's robots.txt, SITEMAP for a sitemap (or sitemap index)
 */
public record FetchTask(long leaseId, String url, int depth, int attempt, int redirects, Kind kind) {
    public enum Kind {
        PAGE, ROBOTS, SITEMAP;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
