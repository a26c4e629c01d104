package dev.crawlcase.crawler.frontier;

import java.util.Arrays;

/**
 * Unfinished URLs (queued, leased, awaiting a retry or robots.txt) per depth. A URL's depth k is final when no URL
 * of depth k-2 or less is unfinished: only an unfinished page can start a chain of discoveries that lowers a depth,
 * and such a chain offers depths of at least its own depth + 1. Leases do not wait for this; records do.
 */
final class DepthGate {
    private long[] unfinished = new long[16];
    private int min = Integer.MAX_VALUE;

    void add(int depth) {
        if (depth >= unfinished.length) {
            unfinished = Arrays.copyOf(unfinished, Math.max(depth + 1, unfinished.length * 2));
        }
        unfinished[depth]++;
        min = Math.min(min, depth);
    }

    void remove(int depth) {
        if (depth >= unfinished.length || unfinished[depth] == 0) {
            throw new IllegalStateException("no unfinished URL at depth " + depth);
        }
        unfinished[depth]--;
        while (min < unfinished.length && unfinished[min] == 0) {
            min++;
        }
        if (min >= unfinished.length) {
            min = Integer.MAX_VALUE;
        }
    }

    /** The smallest depth with an unfinished URL, or Integer.MAX_VALUE. */
    int minUnfinished() {
        return min;
    }

    /**
     * Whether a URL of this depth can no longer be found at a smaller depth, when {@code minUnfinished} is the
     * smallest depth unfinished in the whole crawl.
     */
    static boolean isFinal(int depth, int minUnfinished) {
        return minUnfinished == Integer.MAX_VALUE || depth <= minUnfinished + 1;
    }
}
