package dev.crawlcase.crawler.frontier;

import dev.crawlcase.json.Check;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.Range;

/**
 * The frontier's settings; every value is checked on construction. The defaults and bounds below are the only ones:
 * the crawl config reader takes its fallbacks and its limits from them, so a value it accepts is one this record
 * accepts, and a bad value is refused when the config loads, before any file is opened.
 *
 * @param maxDepth           link and redirect hops from a seed; deeper URLs end as skipped/"depth"
 * @param maxPages           distinct URLs leased as pages at most, 0 for no limit; the rest end as "page_limit"
 * @param perHostConcurrency leased tasks per host at most
 * @param perHostDelayMs     least time between two request starts to one host
 * @param obeyRobots         fetch robots.txt first and skip disallowed URLs
 * @param maxCrawlDelayMs    cap on a robots.txt Crawl-delay; the host delay is
 *                           {@code max(perHostDelayMs, min(crawlDelay, maxCrawlDelayMs))}
 * @param maxRedirects       redirects in one chain at most; the next one fails with "too_many_redirects"
 * @param retry              retries of 429/5xx/I/O errors
 * @param leaseTimeoutMs     a lease not completed by then is re-queued
 * @param robotsTtlMs        how long robots.txt rules are kept
 * @param robotsCacheSize    hosts whose robots.txt rules are kept at most
 * @param userAgent          the user-agent name robots.txt groups are matched against
 * @param allowRemote        false: URLs on non-loopback hosts end as failed/"not_allowed"
 * @param sitemaps           where each seed host's sitemaps are found ({@link SitemapSource})
 */
public record FrontierSettings(int maxDepth, long maxPages, int perHostConcurrency, long perHostDelayMs,
                               boolean obeyRobots, long maxCrawlDelayMs, int maxRedirects, RetryPolicy retry,
                               long leaseTimeoutMs, long robotsTtlMs, int robotsCacheSize, String userAgent,
                               boolean allowRemote, SitemapSource sitemaps) {
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    public static final int DEFAULT_MAX_DEPTH = 8;
    public static final Range MAX_DEPTH_RANGE = new Range(0, 10_000);
    /** No limit. */
    public static final long DEFAULT_MAX_PAGES = 0;
    public static final Range MAX_PAGES_RANGE = new Range(0, Long.MAX_VALUE);
    public static final int DEFAULT_PER_HOST_CONCURRENCY = 16;
    public static final Range PER_HOST_CONCURRENCY_RANGE = new Range(1, 10_000);
    public static final long DEFAULT_PER_HOST_DELAY_MS = 0;
    public static final Range PER_HOST_DELAY_MS_RANGE = new Range(0, HOUR_MS);
    public static final boolean DEFAULT_OBEY_ROBOTS = true;
    public static final long DEFAULT_MAX_CRAWL_DELAY_MS = 10_000;
    public static final Range MAX_CRAWL_DELAY_MS_RANGE = new Range(0, HOUR_MS);
    public static final int DEFAULT_MAX_REDIRECTS = 10;
    public static final Range MAX_REDIRECTS_RANGE = new Range(0, 100);
    public static final long DEFAULT_LEASE_TIMEOUT_MS = 120_000;
    public static final Range LEASE_TIMEOUT_MS_RANGE = new Range(1, DAY_MS);
    public static final long DEFAULT_ROBOTS_TTL_MS = HOUR_MS;
    public static final Range ROBOTS_TTL_MS_RANGE = new Range(1, 365 * DAY_MS);
    public static final int DEFAULT_ROBOTS_CACHE_SIZE = 10_000;
    public static final Range ROBOTS_CACHE_SIZE_RANGE = new Range(1, 10_000_000);
    /** The product token robots.txt groups are matched against: the first word of the User-Agent header. */
    public static final String DEFAULT_USER_AGENT = "crawlcase";

    public FrontierSettings {
        MAX_DEPTH_RANGE.check("maxDepth", maxDepth);
        MAX_PAGES_RANGE.check("maxPages", maxPages);
        PER_HOST_CONCURRENCY_RANGE.check("perHostConcurrency", perHostConcurrency);
        PER_HOST_DELAY_MS_RANGE.check("perHostDelayMs", perHostDelayMs);
        MAX_CRAWL_DELAY_MS_RANGE.check("maxCrawlDelayMs", maxCrawlDelayMs);
        MAX_REDIRECTS_RANGE.check("maxRedirects", maxRedirects);
        Check.notNull("retry", retry);
        LEASE_TIMEOUT_MS_RANGE.check("leaseTimeoutMs", leaseTimeoutMs);
        ROBOTS_TTL_MS_RANGE.check("robotsTtlMs", robotsTtlMs);
        ROBOTS_CACHE_SIZE_RANGE.check("robotsCacheSize", robotsCacheSize);
        if (userAgent == null || userAgent.isBlank()) {
            throw new ConfigException("userAgent", "must not be blank");
        }
        Check.notNull("sitemaps", sitemaps);
    }

    /** Settings that read sitemaps the default way ({@link SitemapSource#DEFAULT}). */
    public FrontierSettings(int maxDepth, long maxPages, int perHostConcurrency, long perHostDelayMs,
                            boolean obeyRobots, long maxCrawlDelayMs, int maxRedirects, RetryPolicy retry,
                            long leaseTimeoutMs, long robotsTtlMs, int robotsCacheSize, String userAgent,
                            boolean allowRemote) {
        this(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots, maxCrawlDelayMs, maxRedirects, retry,
                leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent, allowRemote, SitemapSource.DEFAULT);
    }

    public FrontierSettings withSitemaps(SitemapSource source) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                allowRemote, source);
    }

    /** The shipped defaults, the same the crawl config reader falls back to (loopback only). */
    public static FrontierSettings defaults() {
        return new FrontierSettings(DEFAULT_MAX_DEPTH, DEFAULT_MAX_PAGES, DEFAULT_PER_HOST_CONCURRENCY,
                DEFAULT_PER_HOST_DELAY_MS, DEFAULT_OBEY_ROBOTS, DEFAULT_MAX_CRAWL_DELAY_MS, DEFAULT_MAX_REDIRECTS,
                RetryPolicy.defaults(), DEFAULT_LEASE_TIMEOUT_MS, DEFAULT_ROBOTS_TTL_MS, DEFAULT_ROBOTS_CACHE_SIZE,
                DEFAULT_USER_AGENT, false);
    }

    public FrontierSettings withLimits(int depth, long pages) {
        return new FrontierSettings(depth, pages, perHostConcurrency, perHostDelayMs, obeyRobots, maxCrawlDelayMs,
                maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent, allowRemote, sitemaps);
    }

    public FrontierSettings withPoliteness(int concurrency, long delayMs) {
        return new FrontierSettings(maxDepth, maxPages, concurrency, delayMs, obeyRobots, maxCrawlDelayMs,
                maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent, allowRemote, sitemaps);
    }

    public FrontierSettings withRobots(boolean obey, long crawlDelayCapMs) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obey, crawlDelayCapMs,
                maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent, allowRemote, sitemaps);
    }

    public FrontierSettings withRetry(RetryPolicy policy) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, maxRedirects, policy, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                allowRemote, sitemaps);
    }

    public FrontierSettings withMaxRedirects(int redirects) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, redirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                allowRemote, sitemaps);
    }

    public FrontierSettings withLeaseTimeoutMs(long timeoutMs) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, maxRedirects, retry, timeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                allowRemote, sitemaps);
    }

    public FrontierSettings withAllowRemote(boolean remote) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                remote, sitemaps);
    }
}
