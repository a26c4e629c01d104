package dev.crawlcase.crawler.frontier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One host's ({@code scheme://host:port}) waiting URLs, FIFO within each depth, plus its retries (by ready time)
 * and its politeness and robots.txt state.
 */
final class HostQueue {
    final String key;
    int inFlight;
    long lastStartMs = Long.MIN_VALUE;
    boolean robotsLeased;
    long robotsReadyAtMs = Long.MIN_VALUE;
    int robotsAttempts;

    private final TreeMap<Integer, ArrayDeque<QueuedUrl>> byDepth = new TreeMap<>();
    private final PriorityQueue<QueuedUrl> retries =
            new PriorityQueue<>(Comparator.comparingLong(QueuedUrl::readyAtMs).thenComparingInt(QueuedUrl::depth));

    HostQueue(String key) {
        this.key = key;
    }

    void add(QueuedUrl url) {
        byDepth.computeIfAbsent(url.depth(), d -> new ArrayDeque<>()).add(url);
    }

    /** The first entry of the smallest depth (maybe stale), or null. */
    QueuedUrl peek() {
        var first = byDepth.firstEntry();
        return first == null ? null : first.getValue().peek();
    }

    QueuedUrl poll() {
        var first = byDepth.firstEntry();
        if (first == null) {
            return null;
        }
        QueuedUrl head = first.getValue().poll();
        if (first.getValue().isEmpty()) {
            byDepth.remove(first.getKey());
        }
        return head;
    }

    /** Removes and returns the queued entries matching {@code filter}. */
    List<QueuedUrl> removeQueued(Predicate<QueuedUrl> filter) {
        List<QueuedUrl> removed = new ArrayList<>();
        for (Iterator<ArrayDeque<QueuedUrl>> it = byDepth.values().iterator(); it.hasNext(); ) {
            ArrayDeque<QueuedUrl> deque = it.next();
            deque.removeIf(q -> filter.test(q) && removed.add(q));
            if (deque.isEmpty()) {
                it.remove();
            }
        }
        return removed;
    }

    void addRetry(QueuedUrl url) {
        retries.add(url);
    }

    /** The retry due first (maybe not yet due), or null. */
    QueuedUrl peekRetry() {
        return retries.peek();
    }

    QueuedUrl pollRetry() {
        return retries.poll();
    }

    boolean hasRetries() {
        return !retries.isEmpty();
    }

    /** Removes and returns the retries (every retry entry is live). */
    List<QueuedUrl> drainRetries() {
        List<QueuedUrl> all = new ArrayList<>(retries);
        retries.clear();
        return all;
    }

    /** Removes and returns the queued entries, stale ones included. */
    List<QueuedUrl> drainQueued() {
        List<QueuedUrl> all = new ArrayList<>();
        byDepth.values().forEach(all::addAll);
        byDepth.clear();
        return all;
    }

    /** When the next request to this host may start, given the host's delay. */
    long nextStartMs(long delayMs) {
        return lastStartMs == Long.MIN_VALUE ? Long.MIN_VALUE : lastStartMs + delayMs;
    }
}
