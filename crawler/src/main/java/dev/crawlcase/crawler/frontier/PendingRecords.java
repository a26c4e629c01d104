package dev.crawlcase.crawler.frontier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * URLs that will never be fetched (out of scope, or remote while only loopback is allowed) whose record waits
 * until their depth is final, so even these records carry shortest-path depths. Entries are lazy like the host
 * queues: a URL found again at a smaller depth is added again and the old entry is ignored.
 */
final class PendingRecords {
    private final TreeMap<Integer, List<String>> byDepth = new TreeMap<>();

    void add(String url, int depth) {
        byDepth.computeIfAbsent(depth, d -> new ArrayList<>()).add(url);
    }

    /** Removes and returns the entries of depth {@code <= maxDepth} as (url, depth) pairs. */
    List<Map.Entry<String, Integer>> takeUpTo(long maxDepth) {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        while (!byDepth.isEmpty() && byDepth.firstKey() <= maxDepth) {
            var first = byDepth.pollFirstEntry();
            first.getValue().forEach(url -> out.add(Map.entry(url, first.getKey())));
        }
        return out;
    }
}
