package dev.crawlcase.sites;

import dev.crawlcase.sites.server.CounterBoard;
import java.util.Map;

/**
 * Live counters of a running {@link FakeWorld}, keyed by normalised URL: what the crawler really asked for.
 * A URL's request count is also its attempt number for fault injection, so {@link #reset()} makes the
 * next crawl meet the same faults again.
 */
public final class ServerCounters {
    private final CounterBoard board;
    private final Iterable<String> sites;

    ServerCounters(CounterBoard board, Iterable<String> sites) {
        this.board = board;
        this.sites = sites;
    }

    /** Requests received for a URL (every attempt, faulty or not). */
    public int requests(String url) {
        return board.requests(url);
    }

    /** Requests per URL, sorted by URL. */
    public Map<String, Integer> requestsPerUrl() {
        return board.requestsPerUrl();
    }

    /** 2xx responses fully sent for a URL. */
    public int okResponses(String url) {
        return board.okResponses(url);
    }

    /** The most requests a site had in flight at once. */
    public int peakConcurrent(String siteName) {
        return board.peakConcurrent(siteName);
    }

    /** The largest per-site peak. */
    public int peakConcurrent() {
        int max = 0;
        for (String site : sites) {
            max = Math.max(max, board.peakConcurrent(site));
        }
        return max;
    }

    /**
     * The smallest time between the starts of two page requests at a site (robots.txt left out), in ms, as the
     * server saw them arrive: what a crawler's per-host delay must keep; Long.MAX_VALUE before a second request.
     */
    public long minPageGapMs(String siteName) {
        return board.minPageGapMs(siteName);
    }

    /** Requests in flight at a site now. */
    public int inFlight(String siteName) {
        return board.inFlight(siteName);
    }

    /** Responses sent in the world's content coding (the client asked for it in Accept-Encoding). */
    public long encodedResponses() {
        return board.encodedResponses();
    }

    /** Requests that arrived over HTTP/2 (h2 by ALPN or h2c). */
    public long http2Requests() {
        return board.http2Requests();
    }

    /** Requests that carried the Basic credentials a site's {@code access} asked for. */
    public long credentialsSeen() {
        return board.credentialsSeen();
    }

    /** Requests for a cookie-gated page that carried the site's cookie. */
    public long cookieSeen() {
        return board.cookieSeen();
    }

    /** Requests a site's access gate refused (401 without credentials, 403 without the cookie). */
    public long refused() {
        return board.refused();
    }

    /** The echo of a request header: how many requests sent each value (name in any case), sorted by value. */
    public Map<String, Long> headerValues(String name) {
        return board.headerValues(name);
    }

    public long totalRequests() {
        return board.totalRequests();
    }

    public void reset() {
        board.reset();
    }
}
