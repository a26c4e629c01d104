package dev.crawlcase.sites.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a running world, updated by the sites' event loops: requests and completed 2xx
 * responses per normalised URL, and current and peak in-flight requests per site. The request count of
 * a URL is also its attempt number for fault injection, so {@link #reset()} replays the same faults.
 */
public final class CounterBoard {
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastPageStart = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> minPageGap = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong encoded = new AtomicLong();
    private final AtomicLong http2 = new AtomicLong();
    private final AtomicLong credentialsSeen = new AtomicLong();
    private final AtomicLong cookieSeen = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, Map<String, AtomicLong>> headers = new ConcurrentHashMap<>();

    public CounterBoard(List<String> sites) {
        for (String site : sites) {
            inFlight.put(site, new AtomicInteger());
            peak.put(site, new AtomicInteger());
            lastPageStart.put(site, new AtomicLong(Long.MIN_VALUE));
            minPageGap.put(site, new AtomicLong(Long.MAX_VALUE));
        }
    }

    /** Counts a new request; returns its attempt number at this URL, 0 for the first. */
    int begin(String site, String url) {
        total.incrementAndGet();
        int now = inFlight.get(site).incrementAndGet();
        peak.get(site).accumulateAndGet(now, Math::max);
        if (!url.endsWith("/robots.txt")) {
            // starts that race on two threads count as simultaneous (gap 0), never as negative
            long at = System.nanoTime();
            long before = lastPageStart.get(site).getAndAccumulate(at, Math::max);
            if (before != Long.MIN_VALUE) {
                minPageGap.get(site).accumulateAndGet(Math.max(0, at - before), Math::min);
            }
        }
        return requests.computeIfAbsent(url, k -> new AtomicInteger()).getAndIncrement();
    }

    void end(String site) {
        inFlight.get(site).decrementAndGet();
    }

    void ok(String url) {
        ok.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet();
    }

    public int requests(String url) {
        AtomicInteger n = requests.get(url);
        return n == null ? 0 : n.get();
    }

    public Map<String, Integer> requestsPerUrl() {
        Map<String, Integer> out = new TreeMap<>();
        requests.forEach((url, n) -> out.put(url, n.get()));
        return out;
    }

    public int okResponses(String url) {
        AtomicInteger n = ok.get(url);
        return n == null ? 0 : n.get();
    }

    public int peakConcurrent(String site) {
        AtomicInteger n = peak.get(site);
        if (n == null) {
            throw new IllegalArgumentException("no site named " + site);
        }
        return n.get();
    }

    /**
     * The smallest time between the starts of two page requests at a site (robots.txt left out), in ms, as the
     * server saw them arrive; Long.MAX_VALUE before its second page request.
     */
    public long minPageGapMs(String site) {
        AtomicLong gap = minPageGap.get(site);
        if (gap == null) {
            throw new IllegalArgumentException("no site named " + site);
        }
        long nanos = gap.get();
        return nanos == Long.MAX_VALUE ? nanos : nanos / 1_000_000;
    }

    public int inFlight(String site) {
        return inFlight.get(site).get();
    }

    /** Responses whose body was sent in the world's content coding. */
    public long encodedResponses() {
        return encoded.get();
    }

    void encoded() {
        encoded.incrementAndGet();
    }

    /** Requests that arrived over HTTP/2 (h2 or h2c). */
    public long http2Requests() {
        return http2.get();
    }

    void http2() {
        http2.incrementAndGet();
    }

    /** Requests that carried the credentials a site asked for. */
    public long credentialsSeen() {
        return credentialsSeen.get();
    }

    void countCredentials() {
        credentialsSeen.incrementAndGet();
    }

    /** Requests for a cookie-gated page that carried the site's cookie. */
    public long cookieSeen() {
        return cookieSeen.get();
    }

    void countCookie() {
        cookieSeen.incrementAndGet();
    }

    /** Requests a site's access gate answered with 401 or 403. */
    public long refused() {
        return refused.get();
    }

    void countRefused() {
        refused.incrementAndGet();
    }

    /** Counts every request header line by lower-case name and value: the echo of what clients sent. */
    void headers(io.vertx.core.MultiMap lines) {
        lines.forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT),
                k -> new ConcurrentHashMap<>()).computeIfAbsent(e.getValue(), k -> new AtomicLong()).incrementAndGet());
    }

    /** How many requests sent each value of a header (name in any case), sorted by value; empty if none sent it. */
    public Map<String, Long> headerValues(String name) {
        Map<String, Long> out = new TreeMap<>();
        headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), Map.of()).forEach((v, n) -> out.put(v, n.get()));
        return out;
    }

    public long totalRequests() {
        return total.get();
    }

    /** Forgets all counts (in-flight requests stay counted as in flight). */
    public void reset() {
        requests.clear();
        ok.clear();
        total.set(0);
        encoded.set(0);
        http2.set(0);
        credentialsSeen.set(0);
        cookieSeen.set(0);
        refused.set(0);
        headers.clear();
        inFlight.forEach((site, n) -> peak.get(site).set(n.get()));
        lastPageStart.values().forEach(t -> t.set(Long.MIN_VALUE));
        minPageGap.values().forEach(g -> g.set(Long.MAX_VALUE));
    }
}
