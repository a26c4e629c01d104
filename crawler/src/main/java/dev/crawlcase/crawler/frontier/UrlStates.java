package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.url.UrlFingerprint;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * The seen map: every discovered URL's state and depth packed into one positive int (depth * 8 + state + 1), keyed
 * by the URL's 64-bit {@link UrlFingerprint} in a primitive open-addressing map, so a URL costs a 12-byte slot
 * (16-32 bytes with the map's free space) instead of its string. Lazy host-queue entries are checked against it.
 */
final class UrlStates {
    /** HELD: over maxDepth, never fetched unless lowered. DEFERRED: finished, its record waits for a final depth. */
    enum State { QUEUED, LEASED, RETRY, HELD, DEFERRED, DONE }

    private static final State[] STATES = State.values();
    private static final int ABSENT = 0;
    private static final int DONE = code(State.DONE, 0);

    private final LongIntHashMap codes = new LongIntHashMap();

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

    void set(String url, State state, int depth) {
        if (state == State.DONE) {
            throw new IllegalArgumentException("use done()");
        }
        codes.put(UrlFingerprint.of(url), code(state, depth));
    }

    /** Marks the URL finished; its one record is being written. Fails loudly on a second record. */
    void done(String url) {
        int old = codes.put(UrlFingerprint.of(url), DONE);
        if (old == ABSENT || old == DONE) {
            throw new IllegalStateException("second record for " + url);
        }
    }

    /** Marks a URL finished in an earlier run of this crawl (resume): it is never fetched or recorded again. */
    void restoreDone(String url) {
        codes.put(UrlFingerprint.of(url), DONE);
    }

    long size() {
        return codes.size();
    }

    /** Bytes the map's arrays take (for the memory benchmark). */
    long bytesAllocated() {
        return codes.ramBytesAllocated();
    }

    private static int code(State state, int depth) {
        return depth * 8 + state.ordinal() + 1;
    }
}
