package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.fetch.HttpVersionChoice;
import dev.crawlcase.json.ConfigException;

/**
 * The hand-written socket rungs (poll, selector) speak plain HTTP/1.1 only, with a fixed request head: a crawl that
 * needs TLS or HTTP/2 from its first request, or request controls ({@code fetch.headers}, cookies, credentials, a
 * proxy), is refused before it starts, in one line. An https link found later still fails as
 * {@code protocol} in its record.
 */
final class PlainHttpCheck {
    private PlainHttpCheck() {
    }

    static void check(CrawlConfig config) {
        String mode = config.mode().label();
        if (config.fetch().httpVersion() != HttpVersionChoice.HTTP_1_1) {
            throw new ConfigException("fetch.httpVersion", mode + " mode speaks HTTP/1.1 only; use 1.1, or a mode"
                    + " built on a real client (async, thread-pool, sequential, virtual, io-uring)");
        }
        if (!config.fetch().request().none()) {
            throw new ConfigException(config.fetch().request().keysSet().get(0), mode + " mode sends a fixed request"
                    + " head (no extra headers, cookies, credentials or proxy); use async, thread-pool, sequential,"
                    + " virtual or io-uring");
        }
        for (String seed : config.seeds()) {
            if (seed.regionMatches(true, 0, "https:", 0, 6)) {
                throw new ConfigException("seed '" + seed + "'", mode + " mode speaks plain http only (no TLS);"
                        + " use async, thread-pool, sequential, virtual or io-uring for https");
            }
        }
    }
}
