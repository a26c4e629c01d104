package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchTask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Outstanding leases by id, each with a deadline. Ids are never reused, so a late result finds nothing. */
final class Leases {
    record Held(FetchTask task, HostQueue host, long deadlineMs) {
    }

    private final Map<Long, Held> byId = new LinkedHashMap<>();
    private long nextId = 1;
    private int peak;

    FetchTask open(String url, int depth, int attempt, int redirects, FetchTask.Kind kind, HostQueue host,
                   long deadlineMs) {
        FetchTask task = new FetchTask(nextId++, url, depth, attempt, redirects, kind);
        byId.put(task.leaseId(), new Held(task, host, deadlineMs));
        peak = Math.max(peak, byId.size());
        return task;
    }

    /** Removes and returns the lease, or null when unknown, expired or already closed. */
    Held close(long leaseId) {
        return byId.remove(leaseId);
    }

    Held get(long leaseId) {
        return byId.get(leaseId);
    }

    /** Removes and returns the leases whose deadline is at or before {@code nowMs}. */
    List<Held> expire(long nowMs) {
        List<Held> expired = new ArrayList<>();
        byId.values().removeIf(l -> l.deadlineMs() <= nowMs && expired.add(l));
        return expired;
    }

    long earliestDeadlineMs() {
        return byId.values().stream().mapToLong(Held::deadlineMs).min().orElse(Long.MAX_VALUE);
    }

    Collection<Held> all() {
        return byId.values();
    }

    void clear() {
        byId.clear();
    }

    int size() {
        return byId.size();
    }

    int peak() {
        return peak;
    }
}
