package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.UrlNormalizer;

import dev.crawlcase.crawler.frontier.UrlBook.State;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.ErrorKind;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each URL goes and the record it ends with: discovery (queue, hold, defer, lower), retries, robots.txt
 * skips, the records of finished pages and the depth gate that decides when a record may be written. URL states
 * and their counts live in the {@link UrlBook}, the queues in the {@link HostTable}; it decides nothing about
 * timing, {@link Frontier} does.
 *
 * <p>Depths are provisional until {@link DepthGate#isFinal}: a URL found again at a smaller depth is lowered in
 * every state but DONE (queued, held, leased, retrying, or done with its record pending), and a lowered page that
 * was already fetched offers its kept links again at its new depth + 1. Records are written with final depths.
 */
final class Ledger {
    /**
     * Links still to offer at their parent's depth + 1. A fetched page's own links ({@code page} set) keep the page
     * unfinished (leased, its depth gate entry held, its record unwritten) until the last is offered, so neither a
     * record's depth nor a checkpoint of the durable state can overtake them; re-offered links of a kept page
     * ({@code page} null) hold a gate entry at {@code parentDepth} of their own.
     */
    private static final class Links {
        final FetchTask page;
        final CrawlRecord record;
        final List<String> urls;
        final int redirects;
        int parentDepth;
        int next;

        Links(FetchTask page, CrawlRecord record, List<String> urls, int parentDepth, int redirects) {
            this.page = page;
            this.record = record;
            this.urls = urls;
            this.parentDepth = parentDepth;
            this.redirects = redirects;
        }
    }

    private final FrontierSettings settings;
    private final Scope scope;
    private final UrlBook book;
    private final HostTable hosts;
    private final Records records;
    private final UrlLog urlLog;
    private final CrawlShare share;
    private final DepthGate gate = new DepthGate();
    private final PendingRecords pending = new PendingRecords();
    private final ArrayDeque<Links> offers = new ArrayDeque<>();
    /** URLs over maxDepth, with their depth: their strings are needed for their "depth" records at the end. */
    private final Map<String, Integer> held = new HashMap<>();
    private boolean offering;
    /** While a URL from the crawl's state is offered: the state has it at this depth, so it is not logged again. */
    private boolean restoring;

    Ledger(FrontierSettings settings, Scope scope, UrlBook book, HostTable hosts, Records records, UrlLog urlLog,
           CrawlShare share) {
        this.settings = settings;
        this.share = share;
        this.scope = scope;
        this.book = book;
        this.hosts = hosts;
        this.records = records;
        this.urlLog = urlLog;
    }

    /**
     * A URL found at {@code depth} (a seed, a restored URL): new ones are queued, held (too deep) or pending (no
     * fetch); known ones lowered. Works off every link offer this causes (no recursion) before it returns.
     */
    void discover(String url, int depth, int redirects) {
        offer(url, depth, redirects);
        offerLinks(Integer.MAX_VALUE);
    }

    /** Whether link offers are left for {@link #offerLinks}. */
    boolean offering() {
        return !offers.isEmpty();
    }

    /**
     * Offers up to {@code max} waiting links, in the order they were found; a fetched page gets its record once
     * its last link is offered. Whether links are left.
     */
    boolean offerLinks(int max) {
        int budget = max;
        Links links;
        while (budget > 0 && (links = offers.peek()) != null) {
            if (links.page != null) {
                int now = book.depth(links.page.url());
                if (now < links.parentDepth) { // lowered while its links were offered: all again, one deeper less
                    links.parentDepth = now;
                    links.next = 0;
                }
            }
            while (budget > 0 && links.next < links.urls.size()) {
                offer(links.urls.get(links.next++), links.parentDepth + 1, links.redirects);
                budget--;
            }
            if (links.next == links.urls.size()) {
                offers.poll();
                gate.remove(links.parentDepth);
                if (links.page != null) {
                    settle(links.page.url(), links.parentDepth, links.record, links.urls, links.redirects);
                }
            }
        }
        return !offers.isEmpty();
    }

    private void offer(String url, int depth, int redirects) {
        String key = HostKey.of(url);
        if (key != null && !share.owns(key)) {
            if (!restoring) {
                // a durable part journals its hand-offs too: resumed, it sends them again (the owner ignores what
                // it has), since one sent just before a crash may never have been taken
                urlLog.found(url, depth);
            }
            share.handOff(url, depth, redirects); // its owner judges, queues and records it
            return;
        }
        State state = key == null ? State.DONE : book.state(url);
        if (state == null) {
            if (!restoring) {
                urlLog.found(url, depth);
            }
            // an over-long URL is never fetched: its record ("url_too_long") waits like an out-of-scope one's
            boolean allowed = !UrlNormalizer.tooLong(url) && scope.inScope(url)
                    && (settings.allowRemote() || Scope.isLoopbackUrl(url));
            if (allowed) {
                enqueue(url, depth, redirects, key);
            } else {
                book.defer(url, depth);
                pending.add(url, depth);
            }
            return;
        }
        if (state == State.DONE || depth >= book.depth(url)) {
            return; // a DONE URL's depth was final
        }
        int old = book.depth(url);
        if (!restoring) {
            urlLog.found(url, depth);
        }
        switch (state) {
            case DEFERRED -> {
                book.lower(url, depth);
                pending.add(url, depth);
                PendingRecords.Kept page = pending.kept(url);
                if (page != null) {
                    gate.add(depth);
                    offers.add(new Links(null, null, page.links(), depth, page.childRedirects()));
                }
            }
            case HELD -> {
                held.remove(url);
                enqueue(url, depth, redirects, key);
            }
            case QUEUED -> { // its old queue entry goes stale
                gate.remove(old);
                enqueue(url, depth, redirects, key);
            }
            default -> { // leased or retrying: keeps its lease or retry entry, only the depth moves
                gate.remove(old);
                gate.add(depth);
                book.lower(url, depth);
                if (state == State.RETRY) {
                    hosts.queueOf(key).retryLowered();
                }
            }
        }
    }

    private void enqueue(String url, int depth, int redirects, String key) {
        if (depth > settings.maxDepth()) {
            book.hold(url, depth);
            held.put(url, depth);
            return;
        }
        book.queue(url, depth);
        gate.add(depth);
        hosts.queueOf(key).add(new QueuedUrl(url, depth, 1, redirects, 0));
    }

    /**
     * A URL the crawl's state holds at {@code depth} without a record (a resume): offered like a discovered one,
     * without telling the {@link UrlLog}, whose state it came from, so a resume does not write every URL again.
     */
    void restore(String url, int depth) {
        restoring = true;
        try {
            discover(url, depth, 0);
        } finally {
            restoring = false;
        }
    }

    /** Emits the pending records whose depth is now final. */
    void flushPending() {
        int min = minUnfinished();
        records.later(pending.takeUpTo(min == Integer.MAX_VALUE ? Long.MAX_VALUE : min + 1L),
                e -> pendingRecord(e.getKey(), e.getValue()));
    }

    /** The record of a pending URL whose depth is final, or null for a stale entry; the URL is done. */
    private CrawlRecord pendingRecord(String url, int depth) {
        if (!book.is(url, State.DEFERRED, depth)) {
            return null; // stale entry
        }
        book.done(url);
        PendingRecords.Kept page = pending.removeKept(url);
        if (page != null) {
            return Records.withDepth(page.record(), depth);
        } else if (UrlNormalizer.tooLong(url)) {
            return records.ofSkip(url, depth, "url_too_long", 0);
        } else if (scope.inScope(url)) {
            return records.ofFailure(url, depth, ErrorKind.NOT_ALLOWED);
        }
        return records.ofSkip(url, depth, "scope", 0);
    }

    /** The task with its URL's current depth (lowered while it was leased, maybe). */
    FetchTask current(FetchTask t) {
        int depth = book.depth(t.url());
        return depth == t.depth() ? t : new FetchTask(t.leaseId(), t.url(), depth, t.attempt(), t.redirects(), t.kind());
    }

    /** The current depth of a live queued or retry entry. */
    int depth(QueuedUrl q) {
        return book.depth(q.fingerprint());
    }

    /**
     * A leased page's last attempt ({@code t} at its current depth): {@code links} are offered at depth + 1 by
     * {@link #offerLinks}, then its record is written if its depth is final, else kept with its links until then.
     */
    void completed(FetchTask t, CrawlRecord record, List<String> links, int childRedirects) {
        offers.add(new Links(t, record, links, t.depth(), childRedirects));
    }

    /** The smallest depth unfinished in the whole crawl: here, in other shards, or on its way to them. */
    private int minUnfinished() {
        return Math.min(gate.minUnfinished(), share.minUnfinishedElsewhere());
    }

    /** The smallest depth unfinished in this frontier's own shard, or Integer.MAX_VALUE. */
    int minUnfinishedHere() {
        return gate.minUnfinished();
    }

    private void settle(String url, int depth, CrawlRecord record, List<String> links, int childRedirects) {
        if (DepthGate.isFinal(depth, minUnfinished())) {
            book.done(url);
            records.emit(record, depth);
        } else {
            book.defer(url, depth);
            pending.keep(url, depth, new PendingRecords.Kept(record, links, childRedirects));
        }
    }

    /** A leased page ({@code t} at its current depth) waits for attempt {@code attempt} until {@code readyAtMs}. */
    void requeueForRetry(HostQueue host, FetchTask t, int attempt, long readyAtMs) {
        book.retry(t.url(), t.depth());
        host.addRetry(new QueuedUrl(t.url(), t.depth(), attempt, t.redirects(), readyAtMs));
    }

    /** A queued (attempts 0) or retrying URL that robots.txt disallows, already removed from its host. */
    void skipRobots(QueuedUrl q, HostRules rules) {
        int depth = depth(q);
        gate.remove(depth);
        settle(q.url(), depth, records.ofUnfetched(q.url(), depth, rules.outcome(), rules.reason(), q.attempt() - 1),
                List.of(), 0);
    }

    boolean isQueued(QueuedUrl q) {
        return book.is(q.fingerprint(), State.QUEUED, q.depth());
    }

    /** The first live queued entry of the host (stale ones dropped), or null. */
    QueuedUrl queuedHead(HostQueue host) {
        QueuedUrl q;
        while ((q = host.peek()) != null && !isQueued(q)) {
            host.poll();
        }
        return q;
    }

    /**
     * The crawl stopped: links not yet offered are dropped (never discovered, so no record is owed for them), and
     * each page still waiting on its links gets its record now.
     */
    void dropOffers() {
        Links links;
        while ((links = offers.poll()) != null) {
            if (links.page != null) {
                int depth = book.depth(links.page.url());
                book.done(links.page.url());
                records.emit(links.record, depth);
            }
        }
    }

    /** A page leased when the crawl stopped ({@code t} at its current depth): "stopped" after its earlier attempts. */
    void stopLeased(FetchTask t) {
        book.done(t.url());
        records.skipped(t.url(), t.depth(), "stopped", t.attempt() - 1);
    }

    /** Records everything unfinished: queued ones with {@code queuedReason}, retrying ones "stopped", held ones
     * "depth", pending ones their own record. Leased tasks are the caller's ({@link #stopLeased}). */
    void closeAll(String queuedReason) {
        for (HostQueue host : hosts.all()) {
            records.later(host.drainRetries(), q -> {
                int depth = depth(q);
                book.done(q.url());
                return records.ofSkip(q.url(), depth, "stopped", q.attempt() - 1);
            });
            records.later(host.drainQueued(), q -> {
                if (!isQueued(q)) {
                    return null;
                }
                book.done(q.url());
                return records.ofSkip(q.url(), q.depth(), queuedReason, 0);
            });
        }
        records.later(List.copyOf(held.entrySet()), e -> {
            book.done(e.getKey());
            return records.ofSkip(e.getKey(), e.getValue(), "depth", 0);
        });
        held.clear();
        records.later(pending.takeUpTo(Long.MAX_VALUE), e -> pendingRecord(e.getKey(), e.getValue()));
    }
}
