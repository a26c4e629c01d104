package dev.crawlcase.crawler.frontier;

/**
 * A snapshot of the frontier's counters.
 *
 * @param queued        URLs waiting to be leased (including ones awaiting a retry or robots.txt; not over-depth)
 * @param inFlight      leased tasks (pages and robots.txt)
 * @param peakInFlight  the most leased tasks at once
 * @param discovered    distinct http(s) URLs seen (seeds, links, redirect targets; in scope or not)
 * @param fetched       records by outcome: fetched, failed, skipped, redirected
 * @param retries       retries scheduled (pages and robots.txt)
 * @param robotsFetches robots.txt leases
 * @param pagesLeased   distinct URLs leased as pages (what maxPages counts)
 */
public record FrontierStats(long queued, int inFlight, int peakInFlight, long discovered, long fetched, long failed,
                            long skipped, long redirected, long retries, long robotsFetches, long pagesLeased) {
}
