package dev.crawlcase.crawler.frontier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * robots.txt rules per host key ({@code scheme://host:port}), parsed with crawler-commons for one user-agent name
 * and kept in a Caffeine cache that expires entries {@code ttlMs} after they were stored and holds at most
 * {@code maxHosts}. Time comes from the {@link Ticker}, so tests move it by hand.
 *
 * <p>How a final robots.txt response (the {@link RobotsGate} follows redirects and retries first) becomes rules,
 * after RFC 9309 section 2.3.1:
 * <ul>
 *   <li>2xx: the body (first {@link #MAX_BODY_BYTES} only) is parsed;</li>
 *   <li>3xx: a redirect the gate would not follow (too many, or no usable Location): unreachable, allow nothing;</li>
 *   <li>4xx except 429: allow all ({@code failedFetch(4xx)});</li>
 *   <li>429, 5xx: crawler-commons' {@code failedFetch} rules for a server error, which allow nothing (and set
 *       deferVisits);</li>
 *   <li>no response (timeout, reset, garbage instead of HTTP, a refused connection, ...): unreachable, allow
 *       nothing (a server that refuses only while robots.txt is asked for must not get its pages fetched); a
 *       refused connection, an unknown host or a failed TLS handshake or certificate at the host's own robots.txt
 *       (no HTTP could be spoken at all) gives its pages that same error as a failed record
 *       ({@link HostRules#noServer}), which says more than a skip.</li>
 * </ul>
 * A disallow-all verdict lasts one TTL, like any other: the next fetch after it may lift it.
 * Crawl-delay: crawler-commons 1.5 reads fractional seconds ("0.1" is 100 ms); its own cap (which would turn a
 * long delay into allow-none) is disabled here, the frontier caps the delay instead. Single-threaded use.
 */
final class RobotsCache {
    static final int MAX_BODY_BYTES = 500 * 1024;
    /** No HTTP was spoken at all: nothing listens, no such host, or no TLS session we could trust. */
    private static final Set<ErrorKind> NO_CONVERSATION = EnumSet.of(ErrorKind.REFUSED, ErrorKind.UNKNOWN_HOST,
            ErrorKind.TLS_HANDSHAKE, ErrorKind.TLS_CERTIFICATE);

    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
    private final List<String> agentNames;
    private final Cache<String, HostRules> cache;

    RobotsCache(String userAgent, long ttlMs, long maxHosts, Ticker ticker) {
        this(userAgent, ttlMs, maxHosts, ticker, key -> { });
    }

    /** @param forgotten hears each host key whose rules left the cache (evicted, expired or replaced), at once */
    RobotsCache(String userAgent, long ttlMs, long maxHosts, Ticker ticker, Consumer<String> forgotten) {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("robots user-agent must not be blank");
        }
        if (ttlMs <= 0 || maxHosts <= 0) {
            throw new IllegalArgumentException("robots cache ttl and size must be > 0, got " + ttlMs + ", " + maxHosts);
        }
        this.agentNames = List.of(userAgent.toLowerCase(java.util.Locale.ROOT));
        this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofMillis(ttlMs)).maximumSize(maxHosts)
                .ticker(ticker).executor(Runnable::run)
                .removalListener((String key, HostRules rules, RemovalCause cause) -> forgotten.accept(key)).build();
    }

    /** The cached rules of a host, or null when unknown or expired. */
    HostRules get(String hostKey) {
        return cache.getIfPresent(hostKey);
    }

    /** Turns the response of a host's own robots.txt (no redirect on the way) into rules and caches them. */
    HostRules store(String hostKey, FetchResult result) {
        return store(hostKey, hostKey + "/robots.txt", false, result);
    }

    /**
     * Turns the final response of a host's robots.txt chain into rules for the host and caches them.
     *
     * @param robotsUrl  the URL that gave the response (the host's own robots.txt, or where redirects led)
     * @param redirected whether redirects led there
     */
    HostRules store(String hostKey, String robotsUrl, boolean redirected, FetchResult result) {
        HostRules rules = rulesFor(robotsUrl, redirected, result);
        cache.put(hostKey, rules);
        return rules;
    }

    /** How many hosts are cached (after pending evictions ran). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private HostRules rulesFor(String robotsUrl, boolean redirected, FetchResult r) {
        if (r.error() != null) {
            return NO_CONVERSATION.contains(r.error()) && !redirected ? HostRules.noServer(r.error())
                    : HostRules.unreachable();
        }
        int status = r.status();
        if (status >= 200 && status < 300) {
            byte[] body = r.body().length > MAX_BODY_BYTES ? Arrays.copyOf(r.body(), MAX_BODY_BYTES) : r.body();
            return HostRules.of(parser.parseContent(robotsUrl, body, r.contentType(), agentNames));
        }
        if (status >= 300 && status < 400) {
            return HostRules.unreachable();
        }
        if (status >= 400 && status < 500 && status != 429) {
            return HostRules.of(parser.failedFetch(status));
        }
        return HostRules.of(parser.failedFetch(status >= 500 ? status : 503));
    }

    /** Whether a robots.txt response should be retried (429, 5xx, no response). */
    static boolean retryable(FetchResult r) {
        return r.error() != null || r.status() == 429 || r.status() >= 500 || r.status() == 0;
    }
}
