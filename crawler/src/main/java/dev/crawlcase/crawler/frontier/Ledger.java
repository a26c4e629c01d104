package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.url.HostKey;

import dev.crawlcase.crawler.frontier.UrlStates.State;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.ErrorKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frontier's book of URLs: which URL is where (seen map, host queues, depth counters, pending records) and the
 * record each one ends with. It decides nothing about timing; {@link Frontier} does.
 *
 * <p>Depths are provisional until {@link DepthGate#isFinal}: a URL found again at a smaller depth is lowered in
 * every state but DONE (queued, held, leased, retrying, or done with its record pending), and a lowered page that
 * was already fetched offers its kept links again at its new depth + 1. Records are written with final depths.
 */
final class Ledger {
    final UrlStates states = new UrlStates();
    final DepthGate gate = new DepthGate();
    final List<HostQueue> hosts = new ArrayList<>();
    final Records records;
    long queued;
    long retrying;

    private record Offer(String url, int depth, int redirects) {
    }

    private final FrontierSettings settings;
    private final Scope scope;
    private final UrlLog urlLog;
    private final PendingRecords pending = new PendingRecords();
    private final Map<String, HostQueue> hostsByKey = new HashMap<>();
    private final ArrayDeque<Offer> offers = new ArrayDeque<>();
    /** URLs over maxDepth, with their depth: their strings are needed for their "depth" records at the end. */
    private final Map<String, Integer> held = new HashMap<>();
    private boolean offering;
    QueueSpill spill;

    Ledger(FrontierSettings settings, Scope scope, Records records, UrlLog urlLog) {
        this.settings = settings;
        this.scope = scope;
        this.records = records;
        this.urlLog = urlLog;
    }

    /**
     * A URL found at {@code depth}: new ones are queued, held (too deep) or pending (no fetch); known ones lowered.
     * Offers are worked off in order (no recursion), including the ones a lowered fetched page makes again.
     */
    void discover(String url, int depth, int redirects) {
        offers.add(new Offer(url, depth, redirects));
        if (offering) {
            return;
        }
        offering = true;
        try {
            Offer o;
            while ((o = offers.poll()) != null) {
                offer(o.url(), o.depth(), o.redirects());
            }
        } finally {
            offering = false;
        }
    }

    private void offer(String url, int depth, int redirects) {
        String key = HostKey.of(url);
        State state = key == null ? State.DONE : states.state(url);
        if (state == null) {
            urlLog.found(url, depth);
            boolean allowed = scope.inScope(url) && (settings.allowRemote() || Scope.isLoopbackUrl(url));
            if (allowed) {
                enqueue(url, depth, redirects, key);
            } else {
                states.set(url, State.DEFERRED, depth);
                pending.add(url, depth);
            }
            return;
        }
        if (state == State.DONE || depth >= states.depth(url)) {
            return; // a DONE URL's depth was final
        }
        int old = states.depth(url);
        urlLog.found(url, depth);
        switch (state) {
            case DEFERRED -> {
                states.set(url, State.DEFERRED, depth);
                pending.add(url, depth);
                PendingRecords.Kept page = pending.kept(url);
                if (page != null) {
                    page.links().forEach(link -> offers.add(new Offer(link, depth + 1, page.childRedirects())));
                }
            }
            case HELD -> {
                held.remove(url);
                enqueue(url, depth, redirects, key);
            }
            case QUEUED -> {
                gate.remove(old);
                queued--;
                enqueue(url, depth, redirects, key);
            }
            default -> { // leased or retrying: keeps its lease or retry entry, only the depth moves
                gate.remove(old);
                gate.add(depth);
                states.set(url, state, depth);
            }
        }
    }

    private void enqueue(String url, int depth, int redirects, String key) {
        if (depth > settings.maxDepth()) {
            states.set(url, State.HELD, depth);
            held.put(url, depth);
            return;
        }
        states.set(url, State.QUEUED, depth);
        gate.add(depth);
        queued++;
        hostsByKey.computeIfAbsent(key, k -> {
            HostQueue host = new HostQueue(k, spill);
            hosts.add(host);
            return host;
        }).add(new QueuedUrl(url, depth, 1, redirects, 0));
    }

    /** Emits the pending records whose depth is now final. */
    void flushPending() {
        int min = gate.minUnfinished();
        pending.takeUpTo(min == Integer.MAX_VALUE ? Long.MAX_VALUE : min + 1L)
                .forEach(e -> emitPending(e.getKey(), e.getValue()));
    }

    private void emitPending(String url, int depth) {
        if (!states.is(url, State.DEFERRED, depth)) {
            return; // stale entry
        }
        states.done(url);
        PendingRecords.Kept page = pending.removeKept(url);
        if (page != null) {
            records.emit(page.record(), depth);
        } else if (scope.inScope(url)) {
            records.failed(url, depth, ErrorKind.NOT_ALLOWED);
        } else {
            records.skipped(url, depth, "scope", 0);
        }
    }

    /** The task with its URL's current depth (lowered while it was leased, maybe). */
    FetchTask current(FetchTask t) {
        int depth = states.depth(t.url());
        return depth == t.depth() ? t : new FetchTask(t.leaseId(), t.url(), depth, t.attempt(), t.redirects(), t.kind());
    }

    /** The current depth of a live queued or retry entry. */
    int depth(QueuedUrl q) {
        return states.depth(q.fingerprint());
    }

    /**
     * A leased page's last attempt ({@code t} at its current depth): its record now if its depth is final, else
     * kept with {@code links} until then; the links are offered at depth + 1.
     */
    void completed(FetchTask t, CrawlRecord record, List<String> links, int childRedirects) {
        gate.remove(t.depth());
        settle(t.url(), t.depth(), record, links, childRedirects);
        links.forEach(link -> discover(link, t.depth() + 1, childRedirects));
    }

    private void settle(String url, int depth, CrawlRecord record, List<String> links, int childRedirects) {
        if (gate.isFinal(depth)) {
            states.done(url);
            records.emit(record, depth);
        } else {
            states.set(url, State.DEFERRED, depth);
            pending.keep(url, depth, new PendingRecords.Kept(record, links, childRedirects));
        }
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
        int depth = depth(q);
        gate.remove(depth);
        settle(q.url(), depth, records.ofSkip(q.url(), depth, "robots", q.attempt() - 1), List.of(), 0);
    }

    boolean isQueued(QueuedUrl q) {
        return states.is(q.fingerprint(), State.QUEUED, q.depth());
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
            for (QueuedUrl q : host.drainRetries()) {
                int depth = depth(q);
                states.done(q.url());
                records.skipped(q.url(), depth, "stopped", q.attempt() - 1);
            }
            for (QueuedUrl q : host.drainQueued()) {
                if (isQueued(q)) {
                    states.done(q.url());
                    records.skipped(q.url(), q.depth(), queuedReason, 0);
                }
            }
        }
        held.forEach((url, depth) -> {
            states.done(url);
            records.skipped(url, depth, "depth", 0);
        });
        held.clear();
        pending.takeUpTo(Long.MAX_VALUE).forEach(e -> emitPending(e.getKey(), e.getValue()));
        queued = 0;
        retrying = 0;
    }
}
