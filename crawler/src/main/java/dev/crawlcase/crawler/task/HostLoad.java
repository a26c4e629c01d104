package dev.crawlcase.crawler.task;

/**
 * One host as the frontier sees it at a moment: what a live view's per-host row shows.
 *
 * @param host       the host key, {@code scheme://host:port}
 * @param queued     URLs waiting in its queue or for a retry (a URL moved to a smaller depth is counted twice until
 *                   its old entry reaches the head and is dropped)
 * @param inFlight   its requests leased now (pages and robots.txt)
 * @param delayMs    the delay between its request starts: the crawl's per-host delay or its robots.txt
 *                   Crawl-delay, the larger (capped)
 * @param lastStatus the HTTP status of its last answer, 0 before the first or when the last attempt got none
 * @param lastError  what the last attempt failed with when it got no HTTP answer, else null
 * @param backoffMs  how long until its first retry (or robots.txt retry) is due, 0 when none is waiting
 */
public record HostLoad(String host, long queued, int inFlight, long delayMs, int lastStatus, ErrorKind lastError,
                       long backoffMs) {
}
