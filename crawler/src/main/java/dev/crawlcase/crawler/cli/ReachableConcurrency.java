package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.UrlNormalizer;

import java.util.Objects;

/**
 * The concurrency a crawl can reach: with no include pattern the crawl never leaves its seeds' hosts, so at most
 * hosts x per-host limit requests are in flight. A configured concurrency above that is lowered to it, with a
 * one-line note, so the summary's "conc" and the thread pool's size are what can actually run.
 */
final class ReachableConcurrency {
    private ReachableConcurrency() {
    }

    /** The concurrency that can be reached, and the note that says so, or null when the configured one can. */
    record Cap(int concurrency, String note) {
    }

    static Cap of(CrawlConfig config) {
        if (!config.scope().include().isEmpty() || config.effectiveConcurrency() <= 1) {
            return null;
        }
        UrlNormalizer normalizer = UrlNormalizer.defaults();
        long hosts = config.seeds().stream().map(normalizer::normalize).filter(Objects::nonNull).map(HostKey::of)
                .filter(Objects::nonNull).distinct().count();
        long reachable = hosts * config.politeness().perHostConcurrency();
        if (hosts == 0 || reachable >= config.concurrency()) {
            return null;
        }
        return new Cap((int) reachable, "crawler: note: concurrency " + config.concurrency() + " cannot be reached: "
                + hosts + (hosts == 1 ? " host" : " hosts") + " x " + config.politeness().perHostConcurrency()
                + " per host; running " + reachable + " in flight (raise --per-host to go higher)");
    }
}
