package dev.crawlcase.crawler.frontier;

/**
 * What one host could lease now, and how that ranks: {@link #ROBOTS_RANK} when its robots.txt is due, else the
 * depth of its best entry (a due retry or its queue head, the shallower), or {@link #NONE}. Stale heads and heads
 * robots.txt disallows are dropped on the way (the latter get their record). Politeness (concurrency, delay) is
 * the picker's to check first.
 */
final class HostRanking {
    static final int ROBOTS_RANK = -1;
    static final int NONE = Integer.MAX_VALUE;

    private final RobotsGate robots;
    private final UrlBook book;
    private final Ledger ledger;

    HostRanking(RobotsGate robots, UrlBook book, Ledger ledger) {
        this.robots = robots;
        this.book = book;
        this.ledger = ledger;
    }

    /** The host's best lease now: ROBOTS_RANK, a page's depth, or NONE. Drops stale and disallowed heads. */
    int rank(HostQueue host, long now) {
        if (robots.gated(host)) {
            return robots.due(host, now) && hasWork(host) ? ROBOTS_RANK : NONE;
        }
        QueuedUrl retry = dueRetry(host, now);
        QueuedUrl next = leasableHead(host);
        return Math.min(retry == null ? NONE : ledger.depth(retry), next == null ? NONE : next.depth());
    }

    /** The page entry to lease from a host that ranked below NONE and is not waiting for robots.txt, dequeued. */
    QueuedUrl take(HostQueue host, long now) {
        QueuedUrl retry = dueRetry(host, now);
        QueuedUrl next = leasableHead(host);
        return retry != null && (next == null || ledger.depth(retry) <= next.depth()) ? host.pollRetry() : host.poll();
    }

    /** Whether the host has a retry, or a queued URL the page limit still lets through. */
    boolean hasWork(HostQueue host) {
        return host.hasRetries() || (book.pageBudgetLeft() && ledger.queuedHead(host) != null);
    }

    /**
     * When the host has something to lease if politeness allows: Long.MIN_VALUE for a queued page, else its first
     * retry's or its robots.txt's due time; Long.MAX_VALUE if nothing (or robots.txt is in flight).
     */
    long workAtMs(HostQueue host) {
        if (robots.gated(host)) {
            return hasWork(host) ? robots.dueAtMs(host) : Long.MAX_VALUE;
        }
        if (book.pageBudgetLeft() && ledger.queuedHead(host) != null) {
            return Long.MIN_VALUE;
        }
        QueuedUrl retry = host.peekRetry();
        return retry == null ? Long.MAX_VALUE : retry.readyAtMs();
    }

    /** The first retry if due now (disallowed ones are recorded and dropped), else null. */
    private QueuedUrl dueRetry(HostQueue host, long now) {
        HostRules rules = robots.rules(host);
        QueuedUrl q;
        while ((q = host.peekRetry()) != null && q.readyAtMs() <= now) {
            if (rules == null || rules.allowed(q.url())) {
                return q;
            }
            ledger.skipRobots(host.pollRetry(), rules);
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
            ledger.skipRobots(host.poll(), rules);
        }
        return null;
    }
}
