package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.frontier.UrlStates.State;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frontier's book of URLs: which URL is where (seen map, host queues, depth counters, pending records) and the
 * record each one ends with. It decides nothing about timing; {@link Frontier} does.
 */
final class Ledger {
    final UrlStates states = new UrlStates();
    final DepthGate gate = new DepthGate();
    final List<HostQueue> hosts = new ArrayList<>();
    final Records records;
    long queued;
    long retrying;

    private final FrontierSettings settings;
    private final Scope scope;
    private final PendingRecords pending = new PendingRecords();
    private final Map<String, HostQueue> hostsByKey = new HashMap<>();

    Ledger(FrontierSettings settings, Scope scope, Records records) {
        this.settings = settings;
        this.scope = scope;
        this.records = records;
    }

    /** A URL found at {@code depth}: new ones are queued, held (too deep) or pending (no fetch); depths lowered. */
    void discover(String url, int depth, int redirects) {
        String key = HostKey.of(url);
        State state = key == null ? State.DONE : states.state(url);
        if (state == null) {
            boolean allowed = scope.inScope(url) && (settings.allowRemote() || Scope.isLoopbackUrl(url));
            if (allowed) {
                enqueue(url, depth, redirects, key);
            } else {
                states.set(url, State.DEFERRED, depth);
                pending.add(url, depth);
            }
        } else if (depth < states.depth(url)) {
            switch (state) {
                case DEFERRED -> {
                    states.set(url, State.DEFERRED, depth);
                    pending.add(url, depth);
                }
                case HELD -> enqueue(url, depth, redirects, key);
                case QUEUED -> {
                    gate.remove(states.depth(url));
                    queued--;
                    enqueue(url, depth, redirects, key);
                }
                default -> { } // leased, retrying or done: its depth was already final
            }
        }
    }

    private void enqueue(String url, int depth, int redirects, String key) {
        if (depth > settings.maxDepth()) {
            states.set(url, State.HELD, depth);
            return;
        }
        states.set(url, State.QUEUED, depth);
        gate.add(depth);
        queued++;
        hostsByKey.computeIfAbsent(key, k -> {
            HostQueue host = new HostQueue(k);
            hosts.add(host);
            return host;
        }).add(new QueuedUrl(url, depth, 1, redirects, 0));
    }

    /** Emits the records of out-of-scope and not-allowed URLs whose depth is now final. */
    void flushPending() {
        int min = gate.minUnfinished();
        pending.takeUpTo(min == Integer.MAX_VALUE ? Long.MAX_VALUE : min + 1L)
                .forEach(e -> emitPending(e.getKey(), e.getValue()));
    }

    private void emitPending(String url, int depth) {
        if (states.is(url, State.DEFERRED, depth)) {
            states.done(url);
            if (scope.inScope(url)) {
                records.failed(url, depth, "not_allowed");
            } else {
                records.skipped(url, depth, "scope", 0);
            }
        }
    }

    /** The URL of a leased task is done (its record follows). */
    void finished(FetchTask task) {
        states.done(task.url());
        gate.remove(task.depth());
    }

    void requeueForRetry(HostQueue host, FetchTask t, int attempt, long readyAtMs) {
        states.set(t.url(), State.RETRY, t.depth());
        host.addRetry(new QueuedUrl(t.url(), t.depth(), attempt, t.redirects(), readyAtMs));
        retrying++;
    }

    /** A queued (attempts 0) or retrying URL that robots.txt disallows, already removed from its host. */
    void skipRobots(QueuedUrl q, boolean wasRetrying) {
        if (wasRetrying) {
            retrying--;
        } else {
            queued--;
        }
        gate.remove(q.depth());
        states.done(q.url());
        records.skipped(q.url(), q.depth(), "robots", q.attempt() - 1);
    }

    boolean isQueued(QueuedUrl q) {
        return states.is(q.url(), State.QUEUED, q.depth());
    }

    /** The first live queued entry of the host (stale ones dropped), or null. */
    QueuedUrl queuedHead(HostQueue host) {
        QueuedUrl q;
        while ((q = host.peek()) != null && !isQueued(q)) {
            host.poll();
        }
        return q;
    }

    /** Records everything unfinished: queued ones with {@code queuedReason}, retrying ones "stopped", held ones
     * "depth", pending ones their own record. Leased tasks are the caller's. */
    void closeAll(String queuedReason) {
        for (HostQueue host : hosts) {
            for (QueuedUrl q : host.drain()) {
                if (states.is(q.url(), State.RETRY, q.depth())) {
                    states.done(q.url());
                    records.skipped(q.url(), q.depth(), "stopped", q.attempt() - 1);
                } else if (isQueued(q)) {
                    states.done(q.url());
                    records.skipped(q.url(), q.depth(), queuedReason, 0);
                }
            }
        }
        for (Map.Entry<String, Integer> held : states.all(State.HELD)) {
            states.done(held.getKey());
            records.skipped(held.getKey(), held.getValue(), "depth", 0);
        }
        pending.takeUpTo(Long.MAX_VALUE).forEach(e -> emitPending(e.getKey(), e.getValue()));
        queued = 0;
        retrying = 0;
    }
}
