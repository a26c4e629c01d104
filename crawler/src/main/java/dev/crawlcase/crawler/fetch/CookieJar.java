package dev.crawlcase.crawler.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One crawl's cookies ({@code fetch.cookies}), kept by the JDK's {@link CookieManager}: its RFC 6265 rules
 * (domain, path, expiry, Secure, Max-Age) decide what is stored and what goes back, so neither client parses a
 * Set-Cookie itself. Only cookies for the host that set them are accepted ({@link CookiePolicy#ACCEPT_ORIGINAL_SERVER}).
 * The JDK client is given {@link #manager()}; the Vert.x client asks {@link #cookieHeader} and hands in each
 * response's headers through {@link #store}. In-memory and thread-safe (the manager's store locks); nothing is
 * written to disk or into a record.
 */
final class CookieJar {
    private final CookieManager manager = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

    CookieManager manager() {
        return manager;
    }

    /** The Cookie header value for a request to {@code uri}, or null when the jar holds none for it. */
    String cookieHeader(URI uri) {
        try {
            List<String> values = manager.get(uri, Map.of()).getOrDefault("Cookie", List.of());
            return values.isEmpty() ? null : String.join("; ", values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // the in-memory store does no I/O
        }
    }

    /** Keeps what a response from {@code uri} set (its Set-Cookie lines among {@code headers}). */
    void store(URI uri, Map<String, List<String>> headers) {
        try {
            manager.put(uri, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
