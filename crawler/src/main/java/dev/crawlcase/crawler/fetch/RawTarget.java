package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.url.HostRule;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where a raw-socket request goes and what its request line and Host header say, from a URL the
 * {@link LoopbackGuard} accepted. A loopback name connects to its address literal, a literal needs no lookup; only a
 * remote name (allowed with {@code allowRemote}) is resolved, by {@link #resolve}, which may block on DNS and so is
 * called on a worker thread, never on a loop.
 *
 * @param address       the socket address to connect to (resolved)
 * @param hostHeader    the URL's authority, as the Host header (RFC 9110 section 7.2)
 * @param requestTarget path and query in origin form ({@code /} for an empty path)
 */
record RawTarget(InetSocketAddress address, String hostHeader, String requestTarget) {

    /** True when {@link #resolve} would have to ask DNS (a remote name). */
    static boolean needsLookup(String url) {
        String host = URI.create(url).getHost();
        return HostRule.loopbackNameAddress(host) == null && !HostRule.isLoopback(host) && !isLiteral(host);
    }

    static RawTarget resolve(String url) throws UnknownHostException {
        URI uri = URI.create(url);
        String host = uri.getHost();
        String literal = HostRule.loopbackNameAddress(host);
        String name = literal != null ? literal : host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() >= 0 ? uri.getPort() : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new RawTarget(new InetSocketAddress(InetAddress.getByName(name), port), uri.getRawAuthority(), target);
    }

    /** An IPv4 or IPv6 literal, which {@link InetAddress#getByName} parses without a lookup. */
    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }
}
