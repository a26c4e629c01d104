package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.url.UrlNormalizer;

import dev.crawlcase.crawler.frontier.UrlStates.State;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.RecordSink;
import dev.crawlcase.crawler.task.ParsedPage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The crawl's to-do list: which URL is fetched when, and the one final record of every discovered URL.
 *
 * <p>Breadth-first: {@link #lease} prefers the smallest depth among hosts that may take a request now, round-robin
 * among hosts at equal depth, and never waits for shallower pages to finish. Depths are still exact shortest-path
 * depths: a URL found again at a smaller depth is lowered even when leased or fetched (a fetched one re-offers its
 * links), and each record waits until its depth is final ({@link DepthGate}), see {@link Ledger}. Politeness per host
 * ({@code scheme://host:port}): at most perHostConcurrency leased tasks and the host delay between request starts
 * (robots.txt fetches included). robots.txt is leased before a host's first page, and again after its TTL.
 *
 * <p>Leases: an expired lease ({@link #expireLeases}) is re-queued as the same attempt (a lost attempt is not a
 * failed one). A result for an unknown, expired or completed lease is refused; a result arriving after the
 * deadline but before expireLeases ran is still accepted. Not thread-safe: one thread calls it.
 */
public final class Frontier {
    private static final int ROBOTS_RANK = -1;
    private static final int NONE = Integer.MAX_VALUE;

    private final FrontierSettings settings;
    private final Scope scope;
    private final UrlNormalizer normalizer;
    private final LongSupplier clock;
    private final Random random;
    private final RobotsGate robots;
    private final Ledger ledger;
    private final Leases leases = new Leases();
    private int cursor;
    private long pagesLeased;
    private long robotsFetches;
    private long pageRetries;
    private boolean closed;

    public Frontier(FrontierSettings settings, Scope scope, UrlNormalizer normalizer, RecordSink sink, Mode mode,
                    LongSupplier clockMs, Random random) {
        this(settings, scope, normalizer, sink, UrlLog.NONE, mode, clockMs, random);
    }

    /** @param urlLog hears of each discovered URL and each lowered depth (a durable crawl state journals them) */
    public Frontier(FrontierSettings settings, Scope scope, UrlNormalizer normalizer, RecordSink sink, UrlLog urlLog,
                    Mode mode, LongSupplier clockMs, Random random) {
        this.settings = Check.notNull("settings", settings);
        this.scope = Check.notNull("scope", scope);
        this.normalizer = Check.notNull("normalizer", normalizer);
        this.clock = Check.notNull("clockMs", clockMs);
        this.random = Check.notNull("random", random);
        this.ledger = new Ledger(settings, scope, new Records(sink, mode), Check.notNull("urlLog", urlLog));
        this.robots = new RobotsGate(settings, clockMs, random);
    }

    /** Adds seeds at depth 0; URLs that do not normalise are ignored (no record). */
    public void seed(List<String> urls) {
        for (String url : Check.notNull("urls", urls)) {
            String normalized = normalizer.normalize(url);
            if (normalized != null) {
                ledger.discover(normalized, 0, 0);
            }
        }
        ledger.flushPending();
    }

    /**
     * Lets host queues overflow to {@code spill} when it holds its memory limit of queued URLs in memory; call
     * before anything is queued. The frontier then does blocking reads: run it on a worker thread.
     */
    public void spillTo(QueueSpill spill) {
        if (!ledger.hosts.isEmpty()) {
            throw new IllegalStateException("spillTo after URLs were queued");
        }
        ledger.spill = Check.notNull("spill", spill);
    }

    /**
     * Resume: a URL that got its record in an earlier run of this crawl. It is never fetched or recorded again;
     * {@code leased} ones (fetched at least once) count against the page limit. Call before {@link #seed}.
     */
    public void restoreDone(String url, boolean leased) {
        ledger.states.restoreDone(url);
        if (leased) {
            pagesLeased++;
        }
    }

    /** Resume: a URL discovered in an earlier run at {@code depth}, without a record yet; offered again. */
    public void restoreFound(String url, int depth) {
        ledger.discover(url, depth, 0);
    }

    /** Up to {@code max} tasks that may start now; robots.txt tasks first, then by depth, round-robin by host. */
    public List<FetchTask> lease(int max) {
        Check.range("max", max, 0, Integer.MAX_VALUE);
        List<FetchTask> tasks = new ArrayList<>();
        long now = clock.getAsLong();
        while (!closed && tasks.size() < max) {
            HostQueue host = pickHost(now);
            if (host == null) {
                break;
            }
            tasks.add(start(host, now));
        }
        ledger.flushPending();
        return tasks;
    }

    /** Processes one result; false (and nothing changes) when its lease is unknown, expired or completed. */
    public boolean complete(FetchOutcome outcome) {
        Check.notNull("outcome", outcome);
        Leases.Lease lease = leases.get(outcome.task().leaseId());
        if (closed || lease == null || !lease.task().url().equals(outcome.task().url())
                || lease.task().kind() != outcome.task().kind()) {
            return false;
        }
        leases.close(lease.task().leaseId());
        HostQueue host = lease.host();
        host.inFlight--;
        long now = clock.getAsLong();
        if (lease.task().kind() == FetchTask.Kind.ROBOTS) {
            HostRules rules = robots.complete(host, lease.task(), outcome.result(), now);
            if (rules != null) {
                host.removeQueued(q -> ledger.isQueued(q) && !rules.allowed(q.url()))
                        .forEach(q -> ledger.skipRobots(q, false));
            }
        } else {
            FetchTask task = ledger.current(lease.task());
            FetchOutcome o = new FetchOutcome(task, outcome.result(), outcome.page(), outcome.mode());
            completePage(host, o, now);
        }
        ledger.flushPending();
        return true;
    }

    /** Re-queues the tasks whose lease deadline has passed, as the same attempt; returns how many. */
    public int expireLeases() {
        if (closed) {
            return 0;
        }
        long now = clock.getAsLong();
        List<Leases.Lease> expired = leases.expire(now);
        for (Leases.Lease lease : expired) {
            FetchTask t = lease.task();
            lease.host().inFlight--;
            if (t.kind() == FetchTask.Kind.ROBOTS) {
                robots.expired(lease.host());
            } else {
                ledger.requeueForRetry(lease.host(), ledger.current(t), t.attempt(), now);
            }
        }
        return expired.size();
    }

    /** The earliest clock time at which lease() could return more, or a lease expires; Long.MAX_VALUE if none. */
    public long nextWakeupMs() {
        if (closed) {
            return Long.MAX_VALUE;
        }
        long best = leases.earliestDeadlineMs();
        for (HostQueue host : ledger.hosts) {
            if (host.inFlight < settings.perHostConcurrency()) {
                long workAt = workAtMs(host);
                if (workAt != Long.MAX_VALUE) {
                    best = Math.min(best, Math.max(workAt, host.nextStartMs(robots.delayMs(host))));
                }
            }
        }
        return best;
    }

    /** Nothing leased, nothing awaiting a retry, nothing queued unless the page limit holds it back. */
    public boolean isFinished() {
        return leases.size() == 0 && ledger.retrying == 0 && (ledger.queued == 0 || !budgetLeft());
    }

    /**
     * Writes the records still owed: over-depth URLs ("depth"), queued ones behind the page limit ("page_limit"),
     * and, after a stop, queued, retrying and leased ones ("stopped"). Later calls do nothing; leases die.
     */
    public void finish() {
        if (closed) {
            return;
        }
        closed = true;
        for (Leases.Lease lease : leases.all()) {
            if (lease.task().kind() == FetchTask.Kind.PAGE) {
                FetchTask t = ledger.current(lease.task());
                ledger.states.done(t.url());
                ledger.records.skipped(t.url(), t.depth(), "stopped", t.attempt() - 1);
            }
        }
        leases.clear();
        ledger.closeAll(budgetLeft() ? "stopped" : "page_limit");
    }

    /**
     * Stops without writing the records still owed: a durable crawl state keeps those URLs for a resume. Later
     * calls, results and leases do nothing.
     */
    public void suspend() {
        closed = true;
        leases.clear();
    }

    public FrontierStats stats() {
        Records r = ledger.records;
        return new FrontierStats(ledger.queued + ledger.retrying, leases.size(), leases.peak(), ledger.states.size(),
                r.fetched, r.failed, r.skipped, r.redirected, pageRetries + robots.retries, robotsFetches, pagesLeased);
    }

    // ---- leasing

    private HostQueue pickHost(long now) {
        HostQueue best = null;
        int bestRank = NONE;
        int n = ledger.hosts.size();
        for (int i = 0; i < n; i++) {
            int index = (cursor + i) % n;
            HostQueue host = ledger.hosts.get(index);
            if (host.inFlight >= settings.perHostConcurrency() || now < host.nextStartMs(robots.delayMs(host))) {
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

    /** The host's best lease now: ROBOTS_RANK, a page's depth, or NONE. Drops stale and disallowed heads. */
    private int rank(HostQueue host, long now) {
        if (robots.gated(host)) {
            return robots.due(host, now) && (host.hasRetries() || (budgetLeft() && ledger.queuedHead(host) != null))
                    ? ROBOTS_RANK : NONE;
        }
        QueuedUrl retry = dueRetry(host, now);
        QueuedUrl next = leasableHead(host);
        return Math.min(retry == null ? NONE : ledger.depth(retry), next == null ? NONE : next.depth());
    }

    private FetchTask start(HostQueue host, long now) {
        host.inFlight++;
        host.lastStartMs = now;
        long deadline = now + settings.leaseTimeoutMs();
        if (robots.gated(host)) {
            host.robotsLeased = true;
            robotsFetches++;
            return leases.open(RobotsGate.robotsUrl(host), 0, host.robotsAttempts + 1, 0, FetchTask.Kind.ROBOTS,
                    host, deadline);
        }
        QueuedUrl retry = dueRetry(host, now);
        QueuedUrl next = leasableHead(host);
        QueuedUrl chosen;
        if (retry != null && (next == null || ledger.depth(retry) <= next.depth())) {
            chosen = host.pollRetry();
            ledger.retrying--;
        } else {
            chosen = host.poll();
            ledger.queued--;
            pagesLeased++;
        }
        int depth = ledger.depth(chosen);
        ledger.states.set(chosen.url(), State.LEASED, depth);
        return leases.open(chosen.url(), depth, chosen.attempt(), chosen.redirects(), FetchTask.Kind.PAGE,
                host, deadline);
    }

    /** The first retry if due now (disallowed ones are recorded and dropped), else null. */
    private QueuedUrl dueRetry(HostQueue host, long now) {
        HostRules rules = robots.rules(host);
        QueuedUrl q;
        while ((q = host.peekRetry()) != null && q.readyAtMs() <= now) {
            if (rules == null || rules.allowed(q.url())) {
                return q;
            }
            ledger.skipRobots(host.pollRetry(), true);
        }
        return null;
    }

    /** The queue head if a new page may be leased now (budget left), disallowed heads dropped, else null. */
    private QueuedUrl leasableHead(HostQueue host) {
        HostRules rules = robots.rules(host);
        QueuedUrl q;
        while (budgetLeft() && (q = ledger.queuedHead(host)) != null) {
            if (rules == null || rules.allowed(q.url())) {
                return q;
            }
            ledger.skipRobots(host.poll(), false);
        }
        return null;
    }

    private long workAtMs(HostQueue host) {
        long now = clock.getAsLong();
        if (robots.gated(host)) {
            boolean work = host.hasRetries() || (budgetLeft() && ledger.queuedHead(host) != null);
            return work ? robots.dueAtMs(host) : Long.MAX_VALUE;
        }
        QueuedUrl retry = host.peekRetry();
        QueuedUrl next = budgetLeft() ? ledger.queuedHead(host) : null;
        long at = retry == null ? Long.MAX_VALUE : retry.readyAtMs();
        return next != null ? Math.min(at, now) : at;
    }

    // ---- results

    private void completePage(HostQueue host, FetchOutcome o, long now) {
        FetchTask t = o.task();
        PageVerdict verdict = PageVerdict.of(t, o.result(), settings, normalizer);
        if (verdict.kind() == PageVerdict.Kind.RETRY) {
            long delay = settings.retry().delayMs(t.attempt(), o.result().retryAfterMs(), random);
            ledger.requeueForRetry(host, t, t.attempt() + 1, now + delay);
            pageRetries++;
            return;
        }
        Records r = ledger.records;
        switch (verdict.kind()) {
            case FETCHED -> ledger.completed(t, r.ofOutcome(o, Outcome.FETCHED, null, null),
                    (o.page() == null ? ParsedPage.EMPTY : o.page()).links(), 0);
            case REDIRECTED -> ledger.completed(t, r.ofOutcome(o, Outcome.REDIRECTED, null, verdict.target()),
                    List.of(verdict.target()), t.redirects() + 1);
            case SKIPPED -> ledger.completed(t, r.ofOutcome(o, Outcome.SKIPPED, verdict.reason(), null),
                    List.of(), 0);
            default -> ledger.completed(t, r.ofOutcome(o, Outcome.FAILED, verdict.reason(), verdict.target()),
                    List.of(), 0);
        }
    }

    private boolean budgetLeft() {
        return settings.maxPages() == 0 || pagesLeased < settings.maxPages();
    }
}
