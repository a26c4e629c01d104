package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.url.UrlFingerprint;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.IntCursor;

import java.util.EnumMap;
import java.util.Map;

/**
 * The URL book: every discovered URL's state and depth, how many URLs are in each state, and how many were leased
 * as pages (what maxPages counts). It is the only writer of all three: a state changes through one of the named
 * transitions below, each a single map put whose previous value says which counter to move, so the counters equal
 * the states in the map without a second lookup. A transition from a state it does not allow fails loudly (a second
 * record, a lease of a URL that was never queued) and changes nothing.
 *
 * <p>State and depth are packed into one positive int (depth * 8 + state + 1), keyed by the URL's 64-bit
 * {@link UrlFingerprint} in a primitive open-addressing map, so a URL costs a 12-byte slot (plus the map's free
 * space) instead of its string. Lazy host-queue entries are checked against it.
 */
final class UrlBook {
    /** HELD: over maxDepth, never fetched unless lowered. DEFERRED: finished, its record waits for a final depth. */
    enum State { QUEUED, LEASED, RETRY, HELD, DEFERRED, DONE }

    private static final State[] STATES = State.values();
    private static final int ABSENT = 0;
    private static final int DONE = code(State.DONE, 0);
    /** The "from" bit of a URL not in the book yet (states use bits 0 to 5). */
    private static final int NEW = 1 << 6;
    private static final int ANY = -1;

    private final LongIntHashMap codes = new LongIntHashMap();
    private final long[] counts = new long[STATES.length];
    private final long maxPages;
    /** How many URLs this book may lease as pages in all: maxPages, or a part's share of it in a sharded crawl. */
    private long allowedPages;
    private long pagesLeased;

    /** @param maxPages how many URLs may be leased as pages (0: no limit) */
    UrlBook(long maxPages) {
        this.maxPages = maxPages;
        this.allowedPages = maxPages == 0 ? Long.MAX_VALUE : maxPages;
    }

    // ---- reading

    /** The URL's state, or null when it was never seen. */
    State state(String url) {
        int code = codes.get(UrlFingerprint.of(url));
        return code == ABSENT ? null : STATES[(code - 1) & 7];
    }

    /** The URL's depth; meaningless once DONE. */
    int depth(String url) {
        return depth(UrlFingerprint.of(url));
    }

    /** {@link #depth(String)} of the URL with this fingerprint. */
    int depth(long fingerprint) {
        return (codes.get(fingerprint) - 1) >> 3;
    }

    boolean is(String url, State state, int depth) {
        return is(UrlFingerprint.of(url), state, depth);
    }

    /** {@link #is(String, State, int)} of the URL with this fingerprint. */
    boolean is(long fingerprint, State state, int depth) {
        return codes.get(fingerprint) == code(state, depth);
    }

    /** URLs in {@code state} now. */
    long count(State state) {
        return counts[state.ordinal()];
    }

    /** URLs waiting in a host queue for their first lease. */
    long queued() {
        return counts[State.QUEUED.ordinal()];
    }

    /** URLs waiting for a retry (or for a lost lease to be handed out again). */
    long retrying() {
        return counts[State.RETRY.ordinal()];
    }

    /** Distinct URLs leased as pages, in this run and (restored) earlier runs of the crawl: what maxPages counts. */
    long pagesLeased() {
        return pagesLeased;
    }

    /** Whether another URL may have its first lease under the page limit. */
    boolean pageBudgetLeft() {
        return pagesLeased < allowedPages;
    }

    /** The crawl's page limit (0: none). */
    long maxPages() {
        return maxPages;
    }

    /**
     * A part of a sharded crawl may lease {@code pages} URLs as pages in all (its claims on the crawl's limit);
     * fewer than it leased already stops its first leases. Only with a page limit.
     */
    void allowPages(long pages) {
        if (maxPages == 0 || pages < 0) {
            throw new IllegalStateException("no page limit to share, or a negative share: " + pages);
        }
        allowedPages = pages;
    }

    /** How many URLs it may lease as pages in all (Long.MAX_VALUE: no limit). */
    long allowedPages() {
        return allowedPages;
    }

    /** Distinct URLs seen. */
    long size() {
        return codes.size();
    }

    /** Bytes the map's arrays take (for the memory benchmark). */
    long bytesAllocated() {
        return codes.ramBytesAllocated();
    }

    /** The URLs per state counted one by one: a full scan for checks, never on a hot path. */
    Map<State, Long> recount() {
        Map<State, Long> tally = new EnumMap<>(State.class);
        for (State s : STATES) {
            tally.put(s, 0L);
        }
        for (IntCursor code : codes.values()) {
            tally.merge(STATES[(code.value - 1) & 7], 1L, Long::sum);
        }
        return tally;
    }

    // ---- transitions

    /** Waits in its host's queue: a new URL, a held one lowered to maxDepth or less, or a queued one lowered. */
    void queue(String url, int depth) {
        move(url, UrlFingerprint.of(url), State.QUEUED, depth, NEW | bit(State.HELD) | bit(State.QUEUED));
    }

    /** Over maxDepth: kept for its "depth" record unless it is found at a smaller depth. */
    void hold(String url, int depth) {
        move(url, UrlFingerprint.of(url), State.HELD, depth, NEW | bit(State.HELD));
    }

    /** Its record waits until its depth is final: a URL that is never fetched, or a finished one. */
    void defer(String url, int depth) {
        move(url, UrlFingerprint.of(url), State.DEFERRED, depth,
                NEW | bit(State.DEFERRED) | bit(State.LEASED) | bit(State.QUEUED) | bit(State.RETRY));
    }

    /** Leased as a page: from the queue (its first lease, counted against maxPages) or from a retry. */
    void lease(QueuedUrl url, int depth) {
        State from = move(url.url(), url.fingerprint(), State.LEASED, depth, bit(State.QUEUED) | bit(State.RETRY));
        if (from == State.QUEUED) {
            pagesLeased++;
        }
    }

    /** A leased page awaits another attempt (it failed retryably, or its lease expired). */
    void retry(String url, int depth) {
        move(url, UrlFingerprint.of(url), State.RETRY, depth, bit(State.LEASED));
    }

    /** Found at a smaller depth while leased, retrying or deferred: it keeps its state, only the depth moves. */
    void lower(String url, int depth) {
        long fingerprint = UrlFingerprint.of(url);
        int code = codes.get(fingerprint);
        State state = code == ABSENT ? null : STATES[(code - 1) & 7];
        if (state != State.LEASED && state != State.RETRY && state != State.DEFERRED) {
            throw new IllegalStateException(url + " cannot be lowered when " + (state == null ? "new" : state));
        }
        codes.put(fingerprint, code(state, depth)); // same state: no counter moves
    }

    /** Finished; its one record is being written. Fails loudly on a second record. */
    void done(String url) {
        move(url, UrlFingerprint.of(url), State.DONE, 0, ~(NEW | bit(State.DONE)));
    }

    /**
     * Finished in an earlier run of this crawl (resume): it is never fetched or recorded again; {@code leased}
     * ones (fetched at least once) count against the page limit.
     */
    void restoreDone(String url, boolean leased) {
        move(url, UrlFingerprint.of(url), State.DONE, 0, ANY);
        if (leased) {
            pagesLeased++;
        }
    }

    /** Puts the new code, checks the old state against {@code allowedFrom} and moves the counters; the old state. */
    private State move(String url, long fingerprint, State to, int depth, int allowedFrom) {
        int old = codes.put(fingerprint, code(to, depth));
        State from = old == ABSENT ? null : STATES[(old - 1) & 7];
        if ((allowedFrom & (from == null ? NEW : bit(from))) == 0) {
            if (old == ABSENT) {
                codes.remove(fingerprint);
            } else {
                codes.put(fingerprint, old);
            }
            throw new IllegalStateException(to == State.DONE ? "second record for " + url
                    : url + " cannot go from " + (from == null ? "new" : from) + " to " + to);
        }
        if (from != null) {
            counts[from.ordinal()]--;
        }
        counts[to.ordinal()]++;
        return from;
    }

    private static int bit(State state) {
        return 1 << state.ordinal();
    }

    private static int code(State state, int depth) {
        return depth * 8 + state.ordinal() + 1;
    }
}
