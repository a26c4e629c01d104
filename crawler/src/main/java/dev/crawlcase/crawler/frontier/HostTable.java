package dev.crawlcase.crawler.frontier;

import java.util.Objects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The frontier's host queues: one per host key ({@code scheme://host:port}), in the order the hosts were first
 * seen (the round-robin order), all overflowing to the same {@link QueueSpill} if there is one. The spill is fixed
 * before the first queue exists, so no queue holds entries that another queue's spill would not know of.
 */
final class HostTable {
    private final List<HostQueue> hosts = new ArrayList<>();
    private final List<HostQueue> view = Collections.unmodifiableList(hosts);
    private final Map<String, HostQueue> byKey = new HashMap<>();
    private QueueSpill spill;
    private Consumer<HostQueue> changes = host -> { };
    /** Every host counts as started at this time at the latest ({@link #assumeStartedAt}); MIN_VALUE: none. */
    private long assumedStartMs = Long.MIN_VALUE;

    void spillTo(QueueSpill spill) {
        if (!hosts.isEmpty()) {
            throw new IllegalStateException("spillTo after URLs were queued");
        }
        this.spill = Objects.requireNonNull(spill, "spill");
    }

    /** Tells {@code changes} of every change to any host queue, including ones made later; call before the first. */
    void tellChangesTo(Consumer<HostQueue> changes) {
        if (!hosts.isEmpty()) {
            throw new IllegalStateException("tellChangesTo after URLs were queued");
        }
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /** Host {@code key} changed outside its queue (its robots.txt rules were dropped), if it has a queue. */
    void changedOutside(String key) {
        HostQueue host = byKey.get(key);
        if (host != null) {
            changes.accept(host);
        }
    }

    /** The queue of host {@code key}, made on first use. */
    HostQueue queueOf(String key) {
        HostQueue host = byKey.get(key);
        if (host == null) {
            host = new HostQueue(key, hosts.size(), spill, changes);
            byKey.put(key, host);
            hosts.add(host);
            if (assumedStartMs != Long.MIN_VALUE) {
                host.assumeStartedAt(assumedStartMs);
            }
        }
        return host;
    }

    /** Every host, known now or queued later, counts as started at {@code nowMs}: see {@link HostQueue#assumeStartedAt}. */
    void assumeStartedAt(long nowMs) {
        assumedStartMs = nowMs;
        hosts.forEach(host -> host.assumeStartedAt(nowMs));
    }

    /** Every host queue, oldest first. */
    List<HostQueue> all() {
        return view;
    }
}
