package dev.crawlcase.crawler.frontier;

import dev.crawlcase.json.Check;

/**
 * The frontier's settings; every value is checked on construction.
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
 */
public record FrontierSettings(int maxDepth, long maxPages, int perHostConcurrency, long perHostDelayMs,
                               boolean obeyRobots, long maxCrawlDelayMs, int maxRedirects, RetryPolicy retry,
                               long leaseTimeoutMs, long robotsTtlMs, int robotsCacheSize, String userAgent,
                               boolean allowRemote) {
    private static final long DAY_MS = 86_400_000L;

    public FrontierSettings {
        Check.range("maxDepth", maxDepth, 0, 10_000);
        Check.range("maxPages", maxPages, 0, Long.MAX_VALUE);
        Check.range("perHostConcurrency", perHostConcurrency, 1, 10_000);
        Check.range("perHostDelayMs", perHostDelayMs, 0, DAY_MS);
        Check.range("maxCrawlDelayMs", maxCrawlDelayMs, 0, DAY_MS);
        Check.range("maxRedirects", maxRedirects, 0, 100);
        Check.notNull("retry", retry);
        Check.range("leaseTimeoutMs", leaseTimeoutMs, 1, DAY_MS);
        Check.range("robotsTtlMs", robotsTtlMs, 1, 365 * DAY_MS);
        Check.range("robotsCacheSize", robotsCacheSize, 1, 100_000_000);
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    /** The shipped defaults (config/crawl.json). */
    public static FrontierSettings defaults() {
        return new FrontierSettings(8, 0, 16, 0, true, 10_000, 10, RetryPolicy.defaults(), 120_000, 3_600_000,
                10_000, "crawlcase", false);
    }

    public FrontierSettings withLimits(int depth, long pages) {
        return new FrontierSettings(depth, pages, perHostConcurrency, perHostDelayMs, obeyRobots, maxCrawlDelayMs,
                maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent, allowRemote);
    }

    public FrontierSettings withPoliteness(int concurrency, long delayMs) {
        return new FrontierSettings(maxDepth, maxPages, concurrency, delayMs, obeyRobots, maxCrawlDelayMs,
                maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent, allowRemote);
    }

    public FrontierSettings withRobots(boolean obey, long crawlDelayCapMs) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obey, crawlDelayCapMs,
                maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent, allowRemote);
    }

    public FrontierSettings withRetry(RetryPolicy policy) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, maxRedirects, policy, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                allowRemote);
    }

    public FrontierSettings withMaxRedirects(int redirects) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, redirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                allowRemote);
    }

    public FrontierSettings withLeaseTimeoutMs(long timeoutMs) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, maxRedirects, retry, timeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                allowRemote);
    }

    public FrontierSettings withAllowRemote(boolean remote) {
        return new FrontierSettings(maxDepth, maxPages, perHostConcurrency, perHostDelayMs, obeyRobots,
                maxCrawlDelayMs, maxRedirects, retry, leaseTimeoutMs, robotsTtlMs, robotsCacheSize, userAgent,
                remote);
    }
}
