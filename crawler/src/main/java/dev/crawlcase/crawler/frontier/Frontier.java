package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.HostLoad;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.UrlNormalizer;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.RecordSink;
import dev.crawlcase.crawler.task.ParsedPage;

import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
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
 * failed one). A result for an unknown, expired or completed lease, or one another frontier of the crawl handed out
 * (its lease id carries another {@link #epoch}), is refused; a result arriving after the
 * deadline but before expireLeases ran is still accepted. Not thread-safe: one thread calls it.
 *
 * <p>This class holds the leases and turns results into the next step; each invariant has its own owner: URL
 * states and their counts the {@link UrlBook}, where URLs go and their records the {@link Ledger}, which host goes
 * next the {@link HostPicker}, one host's queue and politeness its {@link HostQueue}, robots.txt the
 * {@link RobotsGate}.
 */
public final class Frontier {
    private final FrontierSettings settings;
    private final UrlNormalizer normalizer;
    private final LongSupplier clock;
    private final CrawlShare share;
    private final Random random;
    private final RobotsGate robots;
    private final UrlBook book;
    private final HostTable hosts = new HostTable();
    private final Records records;
    private final Ledger ledger;
    private final Picker picker;
    private final int epoch;
    private final Leases leases;
    private final SitemapBook sitemaps;
    /** Links offered and records written per turn; 0: not in turns, each call does all its work at once. */
    private int linksPerTurn;
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
        this(settings, scope, normalizer, sink, urlLog, CrawlShare.WHOLE, mode, clockMs, random);
    }

    /**
     * A frontier of one part of a crawl: it schedules the hosts {@code share} says it owns, hands every other URL
     * to {@code share}, and holds each record until its depth is final in the whole crawl.
     */
    public Frontier(FrontierSettings settings, Scope scope, UrlNormalizer normalizer, RecordSink sink, UrlLog urlLog,
                    CrawlShare share, Mode mode, LongSupplier clockMs, Random random) {
        this(settings, scope, normalizer, sink, urlLog, share, mode, clockMs, random, freshEpoch(), HostPicker::new);
    }

    /**
     * @param epoch this frontier's epoch (nonzero), the high half of every lease id it hands out. Drawn at random
     *              rather than counted in the durable state: a crawl without {@code --state} (a cluster's frontier)
     *              has no state to count in, and a random draw also separates two frontiers started at once; the
     *              crawl's injected {@code random} is not used, so a resume with the same seed still gets another
     *              epoch and the crawl's retry jitter stays as it was.
     * @param pickers makes the picker that chooses the next lease ({@code HostPicker::new}; tests compare others)
     */
    Frontier(FrontierSettings settings, Scope scope, UrlNormalizer normalizer, RecordSink sink, UrlLog urlLog,
             CrawlShare share, Mode mode, LongSupplier clockMs, Random random, int epoch, Picker.Factory pickers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.clock = Objects.requireNonNull(clockMs, "clockMs");
        this.share = Objects.requireNonNull(share, "share");
        this.random = Objects.requireNonNull(random, "random");
        this.book = new UrlBook(settings.maxPages());
        this.sitemaps = new SitemapBook(settings.sitemaps(), Objects.requireNonNull(scope, "scope").seedHosts(),
                normalizer);
        this.records = new Records(sink, mode, sitemaps::isSitemap);
        this.ledger = new Ledger(settings, Objects.requireNonNull(scope, "scope"), book, hosts, records,
                Objects.requireNonNull(urlLog, "urlLog"), Objects.requireNonNull(share, "share"));
        this.robots = new RobotsGate(settings, normalizer, clockMs, random, hosts::changedOutside);
        this.picker = pickers.make(settings, hosts, robots, book, ledger);
        this.epoch = epoch;
        this.leases = new Leases(epoch);
    }

    private static int freshEpoch() {
        int epoch;
        do {
            epoch = ThreadLocalRandom.current().nextInt();
        } while (epoch == 0);
        return epoch;
    }

    /** This frontier's epoch: a result whose lease id carries another epoch is refused by {@link #complete}. */
    public int epoch() {
        return epoch;
    }

    /** Adds seeds at depth 0; URLs that do not normalise are ignored (no record). */
    public void seed(List<String> urls) {
        seed(urls, false);
    }

    /**
     * Adds the seeds of the hosts this frontier owns (every part of a sharded crawl is given all the seeds, so no
     * seed needs to travel); the others are left to their own parts.
     */
    public void seedOwn(List<String> urls) {
        seed(urls, true);
    }

    private void seed(List<String> urls, boolean ownOnly) {
        for (String url : Objects.requireNonNull(urls, "urls")) {
            String normalized = normalizer.normalize(url);
            String key = normalized == null ? null : HostKey.of(normalized);
            if (normalized != null && (!ownOnly || key == null || share.owns(key))) {
                ledger.discover(normalized, 0, 0);
            }
        }
        if (!settings.obeyRobots()) { // no robots.txt to name sitemaps: each seed host starts now, /sitemap.xml at most
            for (String url : urls) {
                String normalized = normalizer.normalize(url);
                if (normalized != null) {
                    discoverSitemaps(HostKey.of(normalized), null);
                }
            }
        }
        ledger.flushPending();
    }

    /** A seed host's own sitemaps enter at depth 0 (see {@link SitemapBook} for why). */
    private void discoverSitemaps(String hostKey, HostRules rules) {
        for (String url : sitemaps.startingSitemaps(hostKey, rules)) {
            ledger.discover(url, 0, 0);
        }
    }

    /**
     * Lets host queues overflow to {@code spill} when it holds its memory limit of queued URLs in memory; call
     * before anything is queued. The frontier then does blocking reads: run it on a worker thread.
     */
    public void spillTo(QueueSpill spill) {
        hosts.spillTo(spill);
    }

    /**
     * From now on the frontier works in turns: {@link #complete} leaves the links a page found, and every call its
     * records, to {@link #takeTurn}, which offers at most {@code max} links and writes at most {@code max} records
     * per call. A page with hundreds of thousands of links, or the records owed at the end, then never hold the
     * caller's thread for long (an event loop serves others between turns). A page gets its record once its last
     * link is offered.
     */
    public void workInTurns(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        linksPerTurn = max;
        records.inTurns();
    }

    /**
     * One turn of the waiting work ({@link #workInTurns}): links to offer, then records to write (also after
     * {@link #finish} or {@link #suspend}, which leave records owed). Whether work is still waiting.
     */
    public boolean takeTurn() {
        boolean linksLeft = false;
        if (!closed) {
            linksLeft = ledger.offerLinks(linksPerTurn == 0 ? Integer.MAX_VALUE : linksPerTurn);
            ledger.flushPending();
        }
        boolean recordsLeft = records.write(linksPerTurn == 0 ? Integer.MAX_VALUE : linksPerTurn);
        return linksLeft || recordsLeft;
    }

    /**
     * Resume: a URL that got its record in an earlier run of this crawl. It is never fetched or recorded again;
     * {@code leased} ones (fetched at least once) count against the page limit. Call before {@link #seed}.
     */
    public void restoreDone(String url, boolean leased) {
        book.restoreDone(url, leased);
    }

    /**
     * Resume: the run that kept this state may have started a request to any of its hosts a moment ago (it was
     * killed, or its node was declared dead and this one took its part over), so every host, known now or found
     * later, waits its delay (or its Crawl-delay) from now before its first request here. Politeness holds across
     * the hand-over without knowing when the dead run last called each host.
     */
    public void resumedNow() {
        hosts.assumeStartedAt(clock.getAsLong());
    }

    /**
     * Resume: a URL discovered in an earlier run at {@code depth}, without a record yet; offered again, but not
     * logged as found again (the state holds it at that depth already).
     */
    public void restoreFound(String url, int depth) {
        ledger.restore(url, depth);
    }

    /**
     * A URL of one of this frontier's hosts, found by another part of the crawl at {@code depth} after
     * {@code redirects} redirects: queued, lowered or ignored exactly as a link found here. Offering the same URL
     * again at the same or a greater depth changes nothing, so a re-sent offer is harmless.
     */
    public void offer(String url, int depth, int redirects) {
        if (!closed) {
            ledger.discover(Objects.requireNonNull(url, "url"), depth, redirects);
            ledger.flushPending();
        }
    }

    /** The crawl's page limit, maxPages (0: none). */
    public long pageLimit() {
        return book.maxPages();
    }

    /**
     * A part of a sharded crawl shares the page limit with the other parts: it may lease {@code pages} URLs as
     * pages in all, this run and restored ones together (what it claimed of the limit). Fewer than it leased
     * already stops its first leases until it may lease more. Only with a page limit.
     */
    public void allowPages(long pages) {
        book.allowPages(pages);
    }

    /** URLs leased as pages so far, restored ones included: what the page limit counts. */
    public long pagesLeased() {
        return book.pagesLeased();
    }

    /** URLs waiting for their first lease: what more of the page limit would let it fetch. */
    public long pagesWaiting() {
        return book.queued();
    }

    /** The smallest depth of a URL queued, leased or retrying here, or Integer.MAX_VALUE when none is. */
    public int minUnfinishedDepth() {
        return ledger.minUnfinishedHere();
    }

    /** The rest of the crawl moved on: writes the held records whose depth is now final everywhere. */
    public void elsewhereChanged() {
        if (!closed) {
            ledger.flushPending();
        }
    }

    /** Up to {@code max} tasks that may start now; robots.txt tasks first, then by depth, round-robin by host. */
    public List<FetchTask> lease(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, got " + max);
        }
        List<FetchTask> tasks = new ArrayList<>();
        long now = clock.getAsLong();
        while (!closed && tasks.size() < max) {
            HostQueue host = picker.pick(now);
            if (host == null) {
                break;
            }
            tasks.add(start(host, now));
        }
        ledger.flushPending();
        return tasks;
    }

    /**
     * Processes one result; false (and nothing changes) when its lease is unknown, of another epoch (an earlier
     * frontier of this crawl), expired or completed.
     */
    public boolean complete(FetchOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        Leases.Held lease = leases.get(outcome.task().leaseId());
        if (closed || lease == null || !lease.task().url().equals(outcome.task().url())
                || lease.task().kind() != outcome.task().kind()) {
            return false;
        }
        leases.close(lease.task().leaseId());
        HostQueue host = lease.host();
        host.ended();
        host.answered(outcome.result());
        long now = clock.getAsLong();
        if (lease.task().kind() == FetchTask.Kind.ROBOTS) {
            HostRules rules = robots.complete(host, lease.task(), outcome.result(), now);
            if (rules != null) {
                host.removeQueued(q -> ledger.isQueued(q) && !rules.allowed(q.url()))
                        .forEach(q -> ledger.skipRobots(q, rules));
                if (rules.outcome() == Outcome.SKIPPED && !HostRules.UNREACHABLE.equals(rules.reason())) {
                    discoverSitemaps(host.key, rules);
                }
            }
        } else {
            FetchTask task = ledger.current(lease.task());
            FetchOutcome o = new FetchOutcome(task, outcome.result(), outcome.page(), outcome.mode());
            completePage(host, o, now);
            if (linksPerTurn == 0) {
                ledger.offerLinks(Integer.MAX_VALUE);
            }
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
        List<Leases.Held> expired = leases.expire(now);
        for (Leases.Held lease : expired) {
            FetchTask t = lease.task();
            lease.host().ended();
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
        return Math.min(leases.earliestDeadlineMs(), picker.nextWorkAtMs(clock.getAsLong()));
    }

    /**
     * Nothing leased, nothing awaiting a retry, no link waiting to be offered, nothing queued unless the page limit
     * holds it back.
     */
    public boolean isFinished() {
        return leases.size() == 0 && book.retrying() == 0 && (book.queued() == 0 || !book.pageBudgetLeft())
                && !ledger.offering();
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
        for (Leases.Held lease : leases.all()) {
            if (lease.task().kind() != FetchTask.Kind.ROBOTS) {
                ledger.stopLeased(ledger.current(lease.task()));
            }
        }
        leases.clear();
        ledger.dropOffers();
        ledger.closeAll(book.pageBudgetLeft() ? "stopped" : "page_limit");
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
        return new FrontierStats(book.queued() + book.retrying(), leases.size(), leases.peak(), book.size(),
                records.fetched, records.failed, records.skipped, records.redirected, pageRetries + robots.retries(),
                robotsFetches, book.pagesLeased());
    }

    /**
     * A bounded view of the hosts for a live watcher: the {@code top} with the longest queues, the most requests in
     * flight and the soonest retries (at most {@code 3 * top} rows, longest queue first).
     */
    public List<HostLoad> hostLoads(int top) {
        return HostLoads.top(hosts.all(), top, clock.getAsLong(), robots::delayMs);
    }

    /** The URL book, for tests that check its counters against its states. */
    UrlBook book() {
        return book;
    }

    // ---- leasing

    private FetchTask start(HostQueue host, long now) {
        host.started(now);
        long deadline = now + settings.leaseTimeoutMs();
        if (robots.gated(host)) {
            robotsFetches++;
            return leases.open(RobotsGate.robotsUrl(host), 0, robots.lease(host), host.robotsRedirects(),
                    FetchTask.Kind.ROBOTS, host, deadline);
        }
        QueuedUrl chosen = picker.take(host, now);
        int depth = ledger.depth(chosen);
        book.lease(chosen, depth);
        return leases.open(chosen.url(), depth, chosen.attempt(), chosen.redirects(), sitemaps.kindOf(chosen.url()),
                host, deadline);
    }

    // ---- results

    private void completePage(HostQueue host, FetchOutcome o, long now) {
        FetchTask t = o.task();
        ParsedPage page = o.page() == null ? ParsedPage.EMPTY : o.page();
        PageVerdict verdict = t.kind() == FetchTask.Kind.SITEMAP
                ? PageVerdict.ofSitemap(t, o.result(), page, settings, normalizer)
                : PageVerdict.of(t, o.result(), settings, normalizer);
        if (verdict.kind() == PageVerdict.Kind.FETCHED && page.refresh() != null) {
            verdict = PageVerdict.refresh(t, page.refresh(), settings);
        }
        if (verdict.kind() == PageVerdict.Kind.RETRY) {
            long delay = settings.retry().delayMs(t.attempt(), o.result().retryAfterMs(), random);
            ledger.requeueForRetry(host, t, t.attempt() + 1, now + delay);
            pageRetries++;
            return;
        }
        if (t.kind() == FetchTask.Kind.SITEMAP && verdict.target() != null) {
            sitemaps.listed(List.of(verdict.target())); // a sitemap that moved is still a sitemap
        }
        Records r = records;
        switch (verdict.kind()) {
            case FETCHED -> ledger.completed(t, r.ofOutcome(o, Outcome.FETCHED, null, null), listedBy(page), 0);
            case REDIRECTED -> ledger.completed(t,
                    r.ofOutcome(o, Outcome.REDIRECTED, verdict.reason(), verdict.target()),
                    List.of(verdict.target()), t.redirects() + 1);
            case SKIPPED -> ledger.completed(t, r.ofOutcome(o, Outcome.SKIPPED, verdict.reason(), null),
                    List.of(), 0);
            default -> ledger.completed(t, r.ofOutcome(o, Outcome.FAILED, verdict.reason(), verdict.target()),
                    List.of(), 0);
        }
    }

    /** A page's links; a sitemap's pages, then the sitemaps it lists (marked as sitemaps before they are offered). */
    private List<String> listedBy(ParsedPage page) {
        if (page.sitemap() == null || page.sitemap().sitemaps().isEmpty()) {
            return page.links();
        }
        sitemaps.listed(page.sitemap().sitemaps());
        List<String> all = new ArrayList<>(page.links());
        all.addAll(page.sitemap().sitemaps());
        return all;
    }
}
