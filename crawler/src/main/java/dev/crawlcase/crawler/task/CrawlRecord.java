package dev.crawlcase.crawler.task;

/**
 * The one final record of a discovered URL, written as one JSONL line.
 *
 * @param outcome "fetched" (HTML 2xx, parsed), "redirected" (3xx; finalUrl is the Location), "failed" (reason says
 *                why: "http_404", "timeout_first_byte", "too_many_redirects", ...), or "skipped" (reason: "robots",
 *                "scope", "depth", "page_limit", "content_type")
 * @param status  last HTTP status, or null when no response arrived
 * @param mode    the fetch mode that produced it (the crawl's mode for records no fetcher touched)
 */
public record CrawlRecord(String url, String finalUrl, Integer status, int depth, long bytes, String contentType,
                          String title, int links, long fetchMs, int attempts, String outcome, String reason,
                          boolean truncated, String mode) {

    public static final String FETCHED = "fetched";
    public static final String REDIRECTED = "redirected";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public static CrawlRecord skipped(String url, int depth, String reason, String mode) {
        return new CrawlRecord(url, null, null, depth, 0, null, null, 0, 0, 0, SKIPPED, reason, false, mode);
    }
}
