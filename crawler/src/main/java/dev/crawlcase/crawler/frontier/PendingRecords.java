package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.CrawlRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finished URLs whose record waits until their depth is final, so every record carries a shortest-path depth:
 * URLs that will never be fetched (out of scope, or remote while only loopback is allowed), and pages done while
 * their depth could still be lowered. Such a page is kept with its record and its outgoing links (a redirect's one
 * link is its Location), so that when it is found at a smaller depth its links can be offered again; the entry is
 * dropped when the record is emitted. Depth entries are lazy like the host queues: a URL found again at a smaller
 * depth is added again and the old entry is ignored.
 */
final class PendingRecords {
    /** A done page's record (depth not yet final) and the links it offers at its depth + 1. */
    record Kept(CrawlRecord record, List<String> links, int childRedirects) {
    }

    private final TreeMap<Integer, List<String>> byDepth = new TreeMap<>();
    private final Map<String, Kept> kept = new HashMap<>();

    void add(String url, int depth) {
        byDepth.computeIfAbsent(depth, d -> new ArrayList<>()).add(url);
    }

    void keep(String url, int depth, Kept page) {
        kept.put(url, page);
        add(url, depth);
    }

    /** The kept page of {@code url}, or null (never fetched, or its record is out). */
    Kept kept(String url) {
        return kept.get(url);
    }

    Kept removeKept(String url) {
        return kept.remove(url);
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
