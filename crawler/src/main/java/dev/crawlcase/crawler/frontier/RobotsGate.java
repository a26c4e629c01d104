package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.url.UrlNormalizer;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The robots.txt side of the frontier: whether a host must wait for its robots.txt, its rules, its effective
 * request delay, and what a ROBOTS result does (retry, follow a redirect, or rules into the cache). With
 * obeyRobots off, every host is open and only perHostDelayMs applies.
 *
 * <p>Redirects are followed up to {@link #MAX_REDIRECTS} hops, to any host (RFC 9309 section 2.3.1.2 asks for at
 * least five); every hop is leased as the host's robots.txt task, so it counts against that host's politeness,
 * and the rules of the final robots.txt apply to the host that was asked. One more redirect, a loop or an unusable
 * Location leaves the robots.txt unreachable: allow nothing.
 */
final class RobotsGate {
    static final int MAX_REDIRECTS = 5;

    private final FrontierSettings settings;
    private final UrlNormalizer normalizer;
    private final RobotsCache cache;
    private final Random random;
    private long retries;

    /** @param forgotten hears the host key of rules the cache dropped (evicted, expired or replaced) */
    RobotsGate(FrontierSettings settings, UrlNormalizer normalizer, LongSupplier clockMs, Random random,
               Consumer<String> forgotten) {
        this.settings = settings;
        this.normalizer = normalizer;
        this.random = random;
        this.cache = new RobotsCache(settings.userAgent(), settings.robotsTtlMs(), settings.robotsCacheSize(),
                () -> TimeUnit.MILLISECONDS.toNanos(clockMs.getAsLong()), forgotten);
    }

    /** The robots.txt URL the host's next ROBOTS task fetches: its own, or where its redirects led so far. */
    static String robotsUrl(HostQueue host) {
        return host.robotsUrl() != null ? host.robotsUrl() : host.key + "/robots.txt";
    }

    /** The host's rules, or null when robots are not obeyed or not (or no longer) known. */
    HostRules rules(HostQueue host) {
        return settings.obeyRobots() ? cache.get(host.key) : null;
    }

    /** Whether the host's pages must wait for robots.txt (first visit, or the rules expired). */
    boolean gated(HostQueue host) {
        return settings.obeyRobots() && cache.get(host.key) == null;
    }

    /** Whether a ROBOTS task for the host may be leased now (none in flight, retry delay over). */
    boolean due(HostQueue host, long nowMs) {
        return !host.robotsInFlight() && host.robotsReadyAtMs() <= nowMs;
    }

    /** When a ROBOTS task could next be leased, or Long.MAX_VALUE while one is in flight. */
    long dueAtMs(HostQueue host) {
        return host.robotsInFlight() ? Long.MAX_VALUE : host.robotsReadyAtMs();
    }

    /** Leases the host's robots.txt; returns the attempt number. */
    int lease(HostQueue host) {
        return host.robotsLeased();
    }

    /** robots.txt retries scheduled so far. */
    long retries() {
        return retries;
    }

    /** max(perHostDelayMs, min(Crawl-delay, maxCrawlDelayMs)). */
    long delayMs(HostQueue host) {
        HostRules rules = rules(host);
        long crawlDelay = rules == null ? 0 : Math.min(rules.crawlDelayMs(), settings.maxCrawlDelayMs());
        return Math.max(settings.perHostDelayMs(), crawlDelay);
    }

    /**
     * Handles a ROBOTS result: schedules a retry or the redirect's next hop (returns null), or stores and returns
     * the host's rules.
     */
    HostRules complete(HostQueue host, FetchTask task, FetchResult result, long nowMs) {
        if (RobotsCache.retryable(result) && settings.retry().canRetry(task.attempt())) {
            host.robotsRetryAt(task.attempt(),
                    nowMs + settings.retry().delayMs(task.attempt(), result.retryAfterMs(), random));
            retries++;
            return null;
        }
        if (result.isRedirect() && task.redirects() < MAX_REDIRECTS) {
            String target = normalizer.normalize(task.url(), result.location());
            if (target != null) {
                host.robotsRedirected(target);
                return null;
            }
        }
        host.robotsAnswered(nowMs + settings.robotsTtlMs());
        return cache.store(host.key, task.url(), task.redirects() > 0, result);
    }

    /** A ROBOTS lease expired: lease it again at once, as the same attempt. */
    void expired(HostQueue host) {
        host.robotsLost();
    }
}
