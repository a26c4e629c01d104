package dev.crawlcase.crawler.frontier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seen map: every discovered URL with its state and depth packed into one small int (depth * 8 + state), so
 * a finished URL costs one map entry and a shared Integer. Lazy host-queue entries are checked against it.
 */
final class UrlStates {
    /** HELD: over maxDepth, never fetched unless lowered. DEFERRED: finished, its record waits for a final depth. */
    enum State { QUEUED, LEASED, RETRY, HELD, DEFERRED, DONE }

    private static final State[] STATES = State.values();
    private static final Integer DONE = State.DONE.ordinal();

    private final Map<String, Integer> codes = new HashMap<>();

    /** The URL's state, or null when it was never seen. */
    State state(String url) {
        Integer code = codes.get(url);
        return code == null ? null : STATES[code & 7];
    }

    /** The URL's depth; meaningless once DONE. */
    int depth(String url) {
        return codes.get(url) >> 3;
    }

    boolean is(String url, State state, int depth) {
        Integer code = codes.get(url);
        return code != null && code == depth * 8 + state.ordinal();
    }

    void set(String url, State state, int depth) {
        if (state == State.DONE) {
            throw new IllegalArgumentException("use done()");
        }
        codes.put(url, depth * 8 + state.ordinal());
    }

    /** Marks the URL finished; its one record is being written. Fails loudly on a second record. */
    void done(String url) {
        Integer old = codes.put(url, DONE);
        if (old == null || old.equals(DONE)) {
            throw new IllegalStateException("second record for " + url);
        }
    }

    /** URLs currently in {@code state}, with their depths. */
    List<Map.Entry<String, Integer>> all(State state) {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        codes.forEach((url, code) -> {
            if ((code & 7) == state.ordinal() && !code.equals(DONE)) {
                out.add(Map.entry(url, code >> 3));
            }
        });
        return out;
    }

    long size() {
        return codes.size();
    }
}
