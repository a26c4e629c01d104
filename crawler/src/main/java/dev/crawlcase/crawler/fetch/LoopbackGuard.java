package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.HostRule;
import dev.crawlcase.crawler.url.UrlNormalizer;

/**
 * Checks a task URL before any connection: a normalised http(s) URL, loopback-only unless remote is allowed, and
 * never a host in the reserved {@code .invalid} domain (reported as unknown_host without a DNS query). The host
 * rule is {@link HostRule}'s, the same one that accepted the seeds.
 */
final class LoopbackGuard {
    private static final UrlNormalizer NORMALIZER = UrlNormalizer.defaults();

    private LoopbackGuard() {
    }

    /** Null when the URL may be fetched, else the error kind to report without connecting. */
    static ErrorKind check(String url, boolean allowRemote) {
        String normalized = NORMALIZER.normalize(url);
        String host = normalized == null ? null : HostKey.host(normalized);
        if (host == null) {
            return ErrorKind.PROTOCOL;
        }
        if (!allowRemote && !HostRule.isLoopback(host)) {
            return ErrorKind.NOT_ALLOWED;
        }
        return HostRule.isReservedInvalid(host) ? ErrorKind.UNKNOWN_HOST : null;
    }
}
