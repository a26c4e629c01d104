package dev.crawlcase.crawler.task;

/** The event-bus addresses of one crawl's frontier. Fetchers anywhere in the cluster talk to these. */
public record CrawlAddresses(String crawlId) {
    public static final CrawlAddresses DEFAULT = new CrawlAddresses("main");

    /** One exchange: a fetcher's finished outcomes in, its next tasks out (bus.Exchange, answered by a Lease). */
    public String lease() {
        return "crawlcase." + crawlId + ".lease";
    }

    /** Published about once a second by the frontier: a JSON snapshot of its counters. */
    public String progress() {
        return "crawlcase." + crawlId + ".progress";
    }

    /** Ask the frontier to stop leasing, wait up to the given grace (ms) for work in flight, then finish. */
    public String stop() {
        return "crawlcase." + crawlId + ".stop";
    }
}
