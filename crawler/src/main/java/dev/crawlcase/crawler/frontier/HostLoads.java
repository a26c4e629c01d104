package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.HostLoad;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The hosts a live view shows, a bounded few of however many the crawl has: the {@code n} with the longest queues,
 * the {@code n} with the most requests in flight and the {@code n} whose retries are due soonest, so at most
 * {@code 3n} rows, longest queue first. One pass over the hosts with three heaps of {@code n}: O(hosts log n).
 */
final class HostLoads {
    private HostLoads() {
    }

    static List<HostLoad> top(List<HostQueue> hosts, int n, long nowMs, ToLongFunction<HostQueue> delayMs) {
        if (n <= 0) {
            return List.of();
        }
        Comparator<HostQueue> byOrder = Comparator.comparingInt(h -> -h.order);
        // each heap keeps its n best, the worst of them at its head to be pushed out
        PriorityQueue<HostQueue> longest = new PriorityQueue<>(
                Comparator.comparingLong(HostQueue::waiting).thenComparing(byOrder));
        PriorityQueue<HostQueue> busiest = new PriorityQueue<>(
                Comparator.comparingInt(HostQueue::inFlight).thenComparing(byOrder));
        PriorityQueue<HostQueue> soonest = new PriorityQueue<>(
                Comparator.<HostQueue>comparingLong(h -> -h.retryDueMs()).thenComparing(byOrder));
        for (HostQueue host : hosts) {
            if (host.waiting() > 0) {
                keep(longest, host, n);
            }
            if (host.inFlight() > 0) {
                keep(busiest, host, n);
            }
            if (host.backingOff(nowMs)) {
                keep(soonest, host, n);
            }
        }
        Set<HostQueue> shown = new LinkedHashSet<>(longest);
        shown.addAll(busiest);
        shown.addAll(soonest);
        List<HostLoad> rows = new ArrayList<>(shown.size());
        for (HostQueue host : shown) {
            rows.add(host.load(nowMs, delayMs.applyAsLong(host)));
        }
        rows.sort(Comparator.comparingLong(HostLoad::queued).reversed().thenComparing(HostLoad::host));
        return List.copyOf(rows);
    }

    private static void keep(PriorityQueue<HostQueue> heap, HostQueue host, int n) {
        heap.add(host);
        if (heap.size() > n) {
            heap.poll();
        }
    }
}
