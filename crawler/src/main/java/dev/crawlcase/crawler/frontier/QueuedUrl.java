package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.url.UrlFingerprint;

/**
 * A URL waiting in a host queue. Entries are not removed when a URL moves to a smaller depth; a stale entry is
 * recognised by its depth no longer matching {@link UrlBook} and dropped when it reaches the head.
 *
 * @param attempt   the attempt the next lease will be (1 for new URLs)
 * @param readyAtMs   earliest lease time (retries only; 0 for fresh URLs)
 * @param fingerprint the URL's {@link UrlFingerprint}, computed once: the frontier checks queue heads against the
 *                    seen map on every lease
 */
record QueuedUrl(String url, int depth, int attempt, int redirects, long readyAtMs, long fingerprint) {
    QueuedUrl(String url, int depth, int attempt, int redirects, long readyAtMs) {
        this(url, depth, attempt, redirects, readyAtMs, UrlFingerprint.of(url));
    }
}
