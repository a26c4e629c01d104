package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchTask;

import dev.crawlcase.crawler.task.FetchResult;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The robots.txt side of the frontier: whether a host must wait for its robots.txt, its rules, its effective
 * request delay, and what a ROBOTS result does (retry, or rules into the cache). With obeyRobots off, every host
 * is open and only perHostDelayMs applies.
 */
final class RobotsGate {
    private final FrontierSettings settings;
    private final RobotsCache cache;
    private final Random random;
    private long retries;

    /** @param forgotten hears the host key of rules the cache dropped (evicted, expired or replaced) */
    RobotsGate(FrontierSettings settings, LongSupplier clockMs, Random random, Consumer<String> forgotten) {
        this.settings = settings;
        this.random = random;
        this.cache = new RobotsCache(settings.userAgent(), settings.robotsTtlMs(), settings.robotsCacheSize(),
                () -> TimeUnit.MILLISECONDS.toNanos(clockMs.getAsLong()), forgotten);
    }

    static String robotsUrl(HostQueue host) {
        return host.key + "/robots.txt";
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

    /** Handles a ROBOTS result: schedules a retry (returns null) or stores and returns the host's rules. */
    HostRules complete(HostQueue host, FetchTask task, FetchResult result, long nowMs) {
        if (RobotsCache.retryable(result) && settings.retry().canRetry(task.attempt())) {
            host.robotsRetryAt(task.attempt(),
                    nowMs + settings.retry().delayMs(task.attempt(), result.retryAfterMs(), random));
            retries++;
            return null;
        }
        host.robotsAnswered(nowMs + settings.robotsTtlMs());
        return cache.store(host.key, result);
    }

    /** A ROBOTS lease expired: lease it again at once, as the same attempt. */
    void expired(HostQueue host) {
        host.robotsLost();
    }
}
