package dev.crawlcase.crawler.frontier;

/**
 * The picker the frontier had before {@link HostPicker} (a scan of every host on each pick and each wake-up): the
 * reference {@link SchedulerEquivalenceTest} compares the heap-based one with. Kept as it was but for one line: it
 * moved its round-robin cursor while scanning ({@code index = (cursor + i) % n} with {@code cursor} set on every
 * better host), so a scan skipped hosts and could lease a deeper page, or a page before a due robots.txt; here the
 * scan starts from the cursor it was called with, as its documentation says.
 *
 * <p>Chooses what the frontier leases next, and says when that could change. A host may take a request when fewer
 * than perHostConcurrency of its requests are leased and its delay since its last start has passed (robots.txt
 * Crawl-delay included). Among those, robots.txt comes first, then the host whose best entry (due retry or queue
 * head) is shallowest, round-robin among equals. Stale heads and heads robots.txt disallows are dropped on the way
 * (the latter get their record).
 */
final class ScanPicker implements Picker {
    private static final int ROBOTS_RANK = -1;
    private static final int NONE = Integer.MAX_VALUE;

    private final FrontierSettings settings;
    private final HostTable hosts;
    private final RobotsGate robots;
    private final UrlBook book;
    private final Ledger ledger;
    private int cursor;

    ScanPicker(FrontierSettings settings, HostTable hosts, RobotsGate robots, UrlBook book, Ledger ledger) {
        this.settings = settings;
        this.hosts = hosts;
        this.robots = robots;
        this.book = book;
        this.ledger = ledger;
    }

    /** The host whose lease comes next now, or null when no host may take one. */
    @Override
    public HostQueue pick(long now) {
        HostQueue best = null;
        int bestRank = NONE;
        var all = hosts.all();
        int n = all.size();
        int start = cursor;
        for (int i = 0; i < n; i++) {
            int index = (start + i) % n;
            HostQueue host = all.get(index);
            if (host.busy(settings.perHostConcurrency()) || now < host.nextStartMs(robots.delayMs(host))) {
                continue;
            }
            int rank = rank(host, now);
            if (rank < bestRank) {
                best = host;
                bestRank = rank;
                cursor = index + 1;
            }
        }
        return best;
    }

    /** The page entry to lease from a {@link #pick picked} host that is not waiting for robots.txt, dequeued. */
    @Override
    public QueuedUrl take(HostQueue host, long now) {
        QueuedUrl retry = dueRetry(host, now);
        QueuedUrl next = leasableHead(host);
        return retry != null && (next == null || ledger.depth(retry) <= next.depth()) ? host.pollRetry() : host.poll();
    }

    /** The earliest time at which {@link #pick} could find more than now, or Long.MAX_VALUE. */
    @Override
    public long nextWorkAtMs(long now) {
        long best = Long.MAX_VALUE;
        for (HostQueue host : hosts.all()) {
            if (!host.busy(settings.perHostConcurrency())) {
                long workAt = workAtMs(host, now);
                if (workAt != Long.MAX_VALUE) {
                    best = Math.min(best, Math.max(workAt, host.nextStartMs(robots.delayMs(host))));
                }
            }
        }
        return best;
    }

    /** The host's best lease now: ROBOTS_RANK, a page's depth, or NONE. Drops stale and disallowed heads. */
    private int rank(HostQueue host, long now) {
        if (robots.gated(host)) {
            return robots.due(host, now) && hasWork(host) ? ROBOTS_RANK : NONE;
        }
        QueuedUrl retry = dueRetry(host, now);
        QueuedUrl next = leasableHead(host);
        return Math.min(retry == null ? NONE : ledger.depth(retry), next == null ? NONE : next.depth());
    }

    /** Whether the host has a retry, or a queued URL the page limit still lets through. */
    private boolean hasWork(HostQueue host) {
        return host.hasRetries() || (book.pageBudgetLeft() && ledger.queuedHead(host) != null);
    }

    /** The first retry if due now (disallowed ones are recorded and dropped), else null. */
    private QueuedUrl dueRetry(HostQueue host, long now) {
        HostRules rules = robots.rules(host);
        QueuedUrl q;
        while ((q = host.peekRetry()) != null && q.readyAtMs() <= now) {
            if (rules == null || rules.allowed(q.url())) {
                return q;
            }
            ledger.skipRobots(host.pollRetry(), rules.reason());
        }
        return null;
    }

    /** The queue head if a new page may be leased now (budget left), disallowed heads dropped, else null. */
    private QueuedUrl leasableHead(HostQueue host) {
        HostRules rules = robots.rules(host);
        QueuedUrl q;
        while (book.pageBudgetLeft() && (q = ledger.queuedHead(host)) != null) {
            if (rules == null || rules.allowed(q.url())) {
                return q;
            }
            ledger.skipRobots(host.poll(), rules.reason());
        }
        return null;
    }

    private long workAtMs(HostQueue host, long now) {
        if (robots.gated(host)) {
            return hasWork(host) ? robots.dueAtMs(host) : Long.MAX_VALUE;
        }
        QueuedUrl retry = host.peekRetry();
        QueuedUrl next = book.pageBudgetLeft() ? ledger.queuedHead(host) : null;
        long at = retry == null ? Long.MAX_VALUE : retry.readyAtMs();
        return next != null ? Math.min(at, now) : at;
    }
}
