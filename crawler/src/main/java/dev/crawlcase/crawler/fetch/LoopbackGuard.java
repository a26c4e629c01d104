package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.HostRule;
import dev.crawlcase.crawler.url.UrlNormalizer;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Checks a task URL before any connection: a normalised http(s) URL, loopback-only unless remote is allowed, and
 * never a host in the reserved {@code .invalid} domain (reported as unknown_host without a DNS query). The host
 * rule is {@link HostRule}'s, the same one that accepted the seeds. A loopback name is never resolved either: both
 * clients connect to its address literal ({@link #unresolvedLoopback}).
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

    /**
     * Where to connect for a checked URL without a name lookup: the address literal of a loopback name
     * ({@link HostRule#loopbackNameAddress}) and the URL's port, or null when the host needs no such help (a literal,
     * or a remote name the crawl was allowed to resolve).
     */
    static InetSocketAddress unresolvedLoopback(String url) {
        URI uri = URI.create(url);
        String address = HostRule.loopbackNameAddress(uri.getHost());
        if (address == null) {
            return null;
        }
        return InetSocketAddress.createUnresolved(address, port(url));
    }

    /** The URL's port, or its scheme's default. */
    static int port(String url) {
        URI uri = URI.create(url);
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** {@code url} with a loopback name replaced by its address literal (for a client that connects to its URL's host). */
    static URI connectUri(String url) {
        URI uri = URI.create(url);
        InetSocketAddress loopback = unresolvedLoopback(url);
        if (loopback == null) {
            return uri;
        }
        String prefix = uri.getScheme() + "://" + uri.getRawAuthority();
        return URI.create(uri.getScheme() + "://" + loopback.getHostString() + ":" + loopback.getPort()
                + url.substring(prefix.length()));
    }
}
