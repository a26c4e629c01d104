package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchTask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Outstanding leases by id, each with a deadline. A lease id is the frontier's epoch in its high 32 bits and a
 * sequence number in its low 32 bits: ids are never reused within a frontier, and a result from another frontier
 * of the same crawl (an earlier run before a resume, or a second frontier) carries another epoch, so a late result
 * finds nothing. Deadlines are kept in order too (a tree, so a completed lease leaves it at once), so expiry and the
 * earliest deadline cost no scan.
 */
final class Leases {
    record Held(FetchTask task, HostQueue host, long deadlineMs) {
    }

    /** In lease order: {@link #all} (the "stopped" records of a finish) keeps it. */
    private final Map<Long, Held> byId = new LinkedHashMap<>();
    private final TreeSet<Held> byDeadline = new TreeSet<>(Comparator.comparingLong(Held::deadlineMs)
            .thenComparingLong(h -> h.task().leaseId()));
    private final long epochBits;
    private long sequence;
    private int peak;

    /** @param epoch this frontier's epoch, nonzero; only its low 32 bits are used */
    Leases(int epoch) {
        if (epoch == 0) {
            throw new IllegalArgumentException("epoch must be nonzero");
        }
        this.epochBits = (long) epoch << 32;
    }

    FetchTask open(String url, int depth, int attempt, int redirects, FetchTask.Kind kind, HostQueue host,
                   long deadlineMs) {
        if (++sequence > 0xFFFF_FFFFL) {
            throw new IllegalStateException("more than 2^32 - 1 leases in one frontier epoch");
        }
        FetchTask task = new FetchTask(epochBits | sequence, url, depth, attempt, redirects, kind);
        Held held = new Held(task, host, deadlineMs);
        byId.put(task.leaseId(), held);
        byDeadline.add(held);
        peak = Math.max(peak, byId.size());
        return task;
    }

    /** Whether the lease id was handed out by this frontier (its epoch), whatever became of the lease. */
    boolean ofThisEpoch(long leaseId) {
        return (leaseId & 0xFFFF_FFFF_0000_0000L) == epochBits;
    }

    /** Removes and returns the lease, or null when unknown, of another epoch, expired or already closed. */
    Held close(long leaseId) {
        Held held = ofThisEpoch(leaseId) ? byId.remove(leaseId) : null;
        if (held != null) {
            byDeadline.remove(held);
        }
        return held;
    }

    /** The open lease with this id, or null when unknown, of another epoch, expired or already closed. */
    Held get(long leaseId) {
        return ofThisEpoch(leaseId) ? byId.get(leaseId) : null;
    }

    /** Removes and returns the leases whose deadline is at or before {@code nowMs}, earliest first. */
    List<Held> expire(long nowMs) {
        List<Held> expired = new ArrayList<>();
        while (!byDeadline.isEmpty() && byDeadline.first().deadlineMs() <= nowMs) {
            Held held = byDeadline.pollFirst();
            byId.remove(held.task().leaseId());
            expired.add(held);
        }
        return expired;
    }

    long earliestDeadlineMs() {
        return byDeadline.isEmpty() ? Long.MAX_VALUE : byDeadline.first().deadlineMs();
    }

    Collection<Held> all() {
        return byId.values();
    }

    void clear() {
        byId.clear();
        byDeadline.clear();
    }

    int size() {
        return byId.size();
    }

    int peak() {
        return peak;
    }
}
