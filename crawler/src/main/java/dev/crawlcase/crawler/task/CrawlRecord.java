package dev.crawlcase.crawler.task;

/**
 * The one final record of a discovered URL, written as one JSONL line.
 *
 * @param outcome how the URL ended; {@code reason} says why a FAILED or SKIPPED one did ("http_404",
 *                "timeout_first_byte", "too_many_redirects", ... or "robots", "scope", "depth", "page_limit",
 *                "content_type"), and {@code finalUrl} where a REDIRECTED one points
 * @param status  last HTTP status, or null when no response arrived
 * @param mode    the fetch mode that produced it (the crawl's mode for records no fetcher touched)
 * @param robots  a fetched page's robots directives (meta robots, X-Robots-Tag; {@code noindex,nofollow}), or null
 * @param details what a full record adds about a fetched page ({@code --records full}), else null
 * @param httpVersion the HTTP version of the last response, or null when none arrived (or the record predates the
 *                field: an old journal's records read back as unknown)
 * @param wireBytes   the last response's body bytes as they travelled, before content decoding ({@code bytes} is
 *                    the decoded size), or null when the client could not tell
 * @param kind    PAGE, or SITEMAP for a sitemap's record (its {@code links}: the URLs and sitemaps it listed)
 */
public record CrawlRecord(String url, String finalUrl, Integer status, int depth, long bytes, String contentType,
                          String title, int links, long fetchMs, int attempts, Outcome outcome, String reason,
                          boolean truncated, Mode mode, String robots, PageDetails details,
                          HttpProtocol httpVersion, Long wireBytes, FetchTask.Kind kind) {

    public CrawlRecord {
        kind = kind == null ? FetchTask.Kind.PAGE : kind;
    }

    /** A page's record. */
    public CrawlRecord(String url, String finalUrl, Integer status, int depth, long bytes, String contentType,
                       String title, int links, long fetchMs, int attempts, Outcome outcome, String reason,
                       boolean truncated, Mode mode, String robots, PageDetails details,
                       HttpProtocol httpVersion, Long wireBytes) {
        this(url, finalUrl, status, depth, bytes, contentType, title, links, fetchMs, attempts, outcome, reason,
                truncated, mode, robots, details, httpVersion, wireBytes, FetchTask.Kind.PAGE);
    }

    /** A record without the response's transfer (version, wire size): unknown. */
    public CrawlRecord(String url, String finalUrl, Integer status, int depth, long bytes, String contentType,
                       String title, int links, long fetchMs, int attempts, Outcome outcome, String reason,
                       boolean truncated, Mode mode, String robots, PageDetails details, FetchTask.Kind kind) {
        this(url, finalUrl, status, depth, bytes, contentType, title, links, fetchMs, attempts, outcome, reason,
                truncated, mode, robots, details, null, null, kind);
    }

    /** A page's record without the response's transfer (version, wire size): unknown. */
    public CrawlRecord(String url, String finalUrl, Integer status, int depth, long bytes, String contentType,
                       String title, int links, long fetchMs, int attempts, Outcome outcome, String reason,
                       boolean truncated, Mode mode, String robots, PageDetails details) {
        this(url, finalUrl, status, depth, bytes, contentType, title, links, fetchMs, attempts, outcome, reason,
                truncated, mode, robots, details, null, null, FetchTask.Kind.PAGE);
    }

    /** A record without page details. */
    public CrawlRecord(String url, String finalUrl, Integer status, int depth, long bytes, String contentType,
                       String title, int links, long fetchMs, int attempts, Outcome outcome, String reason,
                       boolean truncated, Mode mode) {
        this(url, finalUrl, status, depth, bytes, contentType, title, links, fetchMs, attempts, outcome, reason,
                truncated, mode, null, null, null, null, FetchTask.Kind.PAGE);
    }

    /** This record as the record of a URL of {@code k}. */
    public CrawlRecord withKind(FetchTask.Kind k) {
        return k == kind ? this : new CrawlRecord(url, finalUrl, status, depth, bytes, contentType, title, links,
                fetchMs, attempts, outcome, reason, truncated, mode, robots, details, httpVersion, wireBytes, k);
    }

    public static CrawlRecord skipped(String url, int depth, String reason, Mode mode) {
        return new CrawlRecord(url, null, null, depth, 0, null, null, 0, 0, 0, Outcome.SKIPPED, reason, false, mode);
    }
}
