package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.bus.FrontierVerticle;
import dev.crawlcase.crawler.bus.PartLink;
import dev.crawlcase.crawler.task.CrawlAddresses;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.mode.FetchTimeline;
import dev.crawlcase.crawler.mode.FetcherSettings;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.frontier.QueueSpill;
import dev.crawlcase.crawler.frontier.UrlLog;
import dev.crawlcase.crawler.output.JsonlRecordWriter;
import dev.crawlcase.crawler.output.OutputFailure;
import dev.crawlcase.crawler.task.FetchArchive;
import dev.crawlcase.crawler.task.RecordSink;
import dev.crawlcase.crawler.warc.WarcArchive;
import dev.crawlcase.crawler.warc.WarcSettings;
import dev.crawlcase.crawler.dashboard.CrawlFeed;
import dev.crawlcase.crawler.dashboard.CrawlNow;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.metrics.ResourceSnapshot;
import dev.crawlcase.crawler.output.CrawlStats;
import dev.crawlcase.crawler.output.FetcherWork;
import dev.crawlcase.crawler.output.RunInfo;
import dev.crawlcase.crawler.output.DuplicateMarks;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.output.SummaryWriter;
import dev.crawlcase.crawler.state.RecordsFileRepair;
import dev.crawlcase.crawler.state.StateJournal;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.shard.Shard;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.LongSupplier;

/**
 * Runs one crawl on a Vert.x instance: deploys the frontier verticle and one fetch verticle of the configured
 * mode, waits until the frontier says every URL has its record, then closes the records file and writes the
 * summary. {@link #stop} ends it early but cleanly. On a cluster the frontier node may run without a local fetch
 * verticle: fetchers on other nodes lease from the same addresses.
 */
public final class CrawlRunner implements CrawlFeed {
    private static final long SAMPLE_MS = 50;
    private static final String SPILL_FILE = "queue-spill.mv.db";
    /** The crawl's one clock: the frontier schedules by it and its verticle measures parks and wakeups on it. */
    private final LongSupplier clockMs = System::currentTimeMillis;
    private final Vertx vertx;
    private final CrawlConfig config;
    private final IntSupplier foreignThreads;
    private final CrawlAddresses addresses;
    private final boolean localFetcher;
    private final Promise<CrawlReport> report = Promise.promise();
    /** Completes once the frontier listens (so a stop can reach it); fails if the run ends before that. */
    private final Promise<Void> listening = Promise.promise();
    private volatile boolean stopRequested;
    private StateStore state;
    private FetchTimeline timeline = FetchTimeline.OFF;
    /** Hosts of each kind the frontier's progress shows (and fetchers publish their slots); 0: no one watches. */
    private int hostsShown;
    private long queueMemoryLimit;
    private QueueSpill spill;
    /** The crawl's WARC archive, or null when it keeps none. */
    private WarcArchive archive;
    /** The part of a sharded crawl this runner runs, or null when it runs the whole crawl. */
    private PartRole part;
    /** The part's shard, once its frontier is built. */
    private Shard shard;
    /** The part's link to the others, once its frontier verticle is made. */
    private volatile PartLink partLink;
    /** The fetchers that did the work, for the summary's {@code fetchers} array; null: the summary has none. */
    private Supplier<List<FetcherWork>> fetchers;
    /** What a watcher reads while the crawl runs; set once {@link #run} starts. */
    private volatile Live live;

    private record Live(CrawlStats stats, ResourceSampler sampler, Instant started) {
    }

    /**
     * @param foreignThreads live threads in this JVM that are not the crawler's (in-process fake sites), left out
     *                       of the thread counts
     */
    public CrawlRunner(Vertx vertx, CrawlConfig config, IntSupplier foreignThreads) {
        this(vertx, config, foreignThreads, new CrawlAddresses(UUID.randomUUID().toString()), true);
    }

    /**
     * @param addresses    where the frontier listens (a cluster's fetchers must use the same crawl id)
     * @param localFetcher whether to deploy a fetch verticle of the configured mode beside the frontier
     */
    public CrawlRunner(Vertx vertx, CrawlConfig config, IntSupplier foreignThreads, CrawlAddresses addresses,
                       boolean localFetcher) {
        this.vertx = vertx;
        this.config = config;
        this.foreignThreads = foreignThreads;
        this.addresses = addresses;
        this.localFetcher = localFetcher;
    }

    public CrawlAddresses addresses() {
        return addresses;
    }

    /** A part's link to the other parts (its message counts), once it runs; empty for a whole crawl. */
    public Optional<PartLink> partLink() {
        return Optional.ofNullable(partLink);
    }

    /** Records when each of the local fetcher's tasks ran into {@code timeline} (a comparison's report draws it). */
    public CrawlRunner withTimeline(FetchTimeline timeline) {
        this.timeline = timeline;
        return this;
    }

    /**
     * A live page watches this crawl: the frontier's progress events carry its busiest {@code hostsShown} hosts of
     * each kind (longest queue, most in flight, soonest retry), and the local fetcher publishes what its slots hold.
     * Nothing of this is done for a crawl nobody watches.
     */
    public CrawlRunner watched(int hostsShown) {
        if (hostsShown < 1) {
            throw new IllegalArgumentException("hostsShown must be >= 1, got " + hostsShown);
        }
        this.hostsShown = hostsShown;
        return this;
    }

    /**
     * Names in summary.json ({@code fetchers}) the fetchers that did the work, as {@code fetchers} says when the
     * summary is written (a cluster frontier's fetchers; a crawl that fetches alone has no such array).
     */
    public CrawlRunner withFetchers(Supplier<List<FetcherWork>> fetchers) {
        this.fetchers = fetchers;
        return this;
    }

    /**
     * Makes the crawl durable in {@code state} (a new state, or one being resumed): URLs and records are committed
     * there before they reach the records file, which is appended to (after {@link RecordsFileRepair}), not
     * truncated. Call before {@link #run}.
     */
    public CrawlRunner withState(StateStore state) {
        return withState(state, QueueSpill.DEFAULT_MEMORY_LIMIT);
    }

    /**
     * Like {@link #withState(StateStore)}; host queues keep at most about {@code queueMemoryLimit} URLs in memory
     * and spill the rest to a scratch file in the state folder (the frontier then runs on a worker thread).
     */
    public CrawlRunner withState(StateStore state, long queueMemoryLimit) {
        this.state = state;
        this.queueMemoryLimit = queueMemoryLimit;
        return this;
    }

    /**
     * Makes this run one part of a sharded crawl (its addresses must be {@code part.crawl().part(part.part())}): the
     * frontier keeps only the part's hosts and hands the others off, and the run ends when every part has. Call
     * before {@link #run}.
     */
    public CrawlRunner withPart(PartRole part) {
        if (!addresses.equals(part.addresses())) {
            throw new IllegalArgumentException("a part runs on its own addresses " + part.addresses());
        }
        this.part = part;
        return this;
    }

    /**
     * Runs the crawl, one named step after another: open the records file, build the frontier, serve it (deploy
     * the frontier verticle and a local fetcher, wait until every URL has its record), close the spill and the
     * records file (flushed and synced), write the summary, and only then mark a durable state finished. So a
     * state marked finished always has its records file and summary on disk, and a kill at any moment before
     * leaves a state that {@code --resume} completes. The records file is closed before the summary is built and
     * written, so the summary counts what the file holds. The first failure is the run's; every close still runs.
     */
    public Future<CrawlReport> run() {
        CrawlSetup setup = new CrawlSetup(config);
        ResourceSampler sampler = WorkerCosts.counted(new ResourceSampler(vertx, SAMPLE_MS, foreignThreads),
                config.mode());
        sampler.start();
        Instant started = Instant.now();
        CrawlStats stats = new CrawlStats();
        live = new Live(stats, sampler, started);
        openRecords()
                .compose(writer -> crawl(setup, writer, stats, sampler, started))
                .compose(this::markDuplicates)
                .compose(ended -> ended.summary() == null ? Future.succeededFuture(stoppedInRestore())
                        : writeSummary(ended.summary()).compose(written -> markFinished(ended.complete()).map(written)))
                .recover(this::worded)
                .onComplete(report);
        report.future().onComplete(ar -> listening.tryFail("the crawl ended before its frontier listened"));
        return report.future();
    }

    /**
     * How a crawl ended: its summary, and whether every URL has its record (not suspended for a resume). No summary:
     * a stop came while the state was restored, before anything was fetched.
     */
    private record Ended(RunSummary summary, boolean complete) {
    }

    /** An output failure of a durable crawl says that a resume goes on from the state once space is back. */
    private Future<CrawlReport> worded(Throwable failure) {
        if (state != null && failure instanceof OutputFailure f && !(f.getMessage().contains("--resume"))) {
            return Future.failedFuture(f.withHint("free space, then run again with --state " + state.dir()
                    + " --resume"));
        }
        return Future.failedFuture(failure);
    }

    /**
     * Once the records file is closed and the crawl over (not suspended for a resume), marks the pages whose bodies
     * are another's ({@link DuplicateMarks}); only full records carry the digest. A part of a sharded crawl leaves it
     * to the merged file, where pages of every part meet.
     */
    private Future<Ended> markDuplicates(Ended ended) {
        boolean over = ended.summary() != null && (ended.complete() || state == null);
        if (!over || part != null || !config.output().recordDetail().full()) {
            return Future.succeededFuture(ended);
        }
        return DuplicateMarks.mark(vertx, config.output().records()).map(ended);
    }

    /** Opens the records file: appended to when the crawl is durable (a resume goes on where it stopped). */
    private Future<JsonlRecordWriter> openRecords() {
        return JsonlRecordWriter.open(vertx, config.output().records(), state != null);
    }

    /**
     * Crawls with the records file open, then closes the spill and the file, each whatever failed before it; the
     * run's summary. A failed write stops the crawl at once (no new work for a file that cannot take it).
     */
    private Future<Ended> crawl(CrawlSetup setup, JsonlRecordWriter writer, CrawlStats stats,
                                ResourceSampler sampler, Instant started) {
        RecordSink out = r -> {
            writer.accept(r);
            stats.accept(r);
        };
        writer.failed().onFailure(e -> vertx.eventBus().request(addresses.stop(), 0L));
        StateJournal journal = state == null ? null : new StateJournal(vertx, state, state.recordCount(), out);
        Future<Ended> crawled = openArchive(setup).compose(opened -> Closing.after(
                buildFrontier(setup, out, journal, stats).compose(
                        frontier -> Closing.after(serve(setup, frontier, journal), this::closeSpill)
                                .map(complete -> new Ended(summary(frontier, stats, sampler, started), complete)),
                        failure -> Closing.after(Future.<Ended>failedFuture(failure), this::closeSpill)
                                .recover(e -> stoppedRestore(e, sampler))),
                this::closeArchive));
        return Closing.after(crawled, writer::close);
    }

    /**
     * Opens the WARC archive when the crawl keeps one (on a worker thread: it creates files, and a resume first cuts
     * a torn last record off the newest file). A failed write stops the crawl at once, as a failed records write does.
     */
    private Future<Void> openArchive(CrawlSetup setup) {
        WarcSettings settings = part == null || setup.warcSettings() == null ? setup.warcSettings()
                : setup.warcSettings().named(part.warcName());
        if (settings == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> WarcArchive.open(settings, state != null)).map(opened -> {
            archive = opened;
            opened.failed().thenRun(() -> vertx.eventBus().request(addresses.stop(), 0L));
            return null;
        });
    }

    /** Syncs and closes the archive once no fetcher writes to it; its first failure is the run's. */
    private Future<Void> closeArchive() {
        return archive == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            archive.close();
            return null;
        });
    }

    /**
     * A seeded frontier. With a durable state, its journal comes between the frontier and the records file (URLs
     * and records are committed before they are written), and the state's URLs and records are restored first, on
     * a worker thread since that reads the state's files.
     */
    private Future<Frontier> buildFrontier(CrawlSetup setup, RecordSink out, StateJournal journal, CrawlStats stats) {
        return journal == null
                ? Future.succeededFuture(seeded(frontier(setup, out, UrlLog.NONE)))
                : vertx.executeBlocking(() -> restored(frontier(setup, journal, journal), stats));
    }

    /**
     * Starts the frontier verticle, fetches until it says every URL has its record and undeploys it; whether the
     * crawl is complete (false when it was suspended for a resume).
     */
    private Future<Boolean> serve(CrawlSetup setup, Frontier frontier, StateJournal journal) {
        FrontierVerticle verticle;
        if (part == null) {
            verticle = new FrontierVerticle(frontier, addresses, journal == null ? null : journal::checkpoint, clockMs);
        } else {
            FrontierVerticle.Checkpoints checkpoints = journal == null ? null : part.fenced(journal::checkpoint);
            partLink = part.link(vertx, shard, checkpoints == null ? null : checkpoints::checkpoint);
            verticle = new FrontierVerticle(frontier, addresses, checkpoints, clockMs, partLink);
        }
        verticle.showingHosts(hostsShown);
        return startFrontier(verticle)
                .onSuccess(frontierId -> listening.tryComplete())
                .compose(frontierId -> Closing.after(fetchLocally(setup, verticle.done()),
                        () -> vertx.undeploy(frontierId)))
                .map(v -> !verticle.suspended());
    }

    /** Deploys the frontier verticle on the thread {@link #frontierThreading} names; its deployment id. */
    private Future<String> startFrontier(FrontierVerticle verticle) {
        return vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(frontierThreading()));
    }

    /**
     * Where the frontier verticle runs: a durable crawl's host queues spill to disk, so its frontier does blocking
     * reads and runs on a worker thread; otherwise it runs on an event loop.
     */
    private ThreadingModel frontierThreading() {
        return spillsQueues() ? ThreadingModel.WORKER : ThreadingModel.EVENT_LOOP;
    }

    /** Whether host queues overflow to a spill file: with a durable state (its folder holds the file). */
    private boolean spillsQueues() {
        return state != null;
    }

    private RunSummary summary(Frontier frontier, CrawlStats stats, ResourceSampler sampler, Instant started) {
        sampler.stop();
        return stats.summary(runInfo(started, frontier.stats().peakInFlight()), sampler.snapshot());
    }

    private RunInfo runInfo(Instant started, long peakInFlight) {
        int concurrency = localFetcher ? config.effectiveConcurrency() : 0;
        return new RunInfo(config.mode(), concurrency, config.seeds(), started, Instant.now(), peakInFlight);
    }

    /** The summary as it would read if the crawl ended now, from the same counts; safe from any thread. */
    @Override
    public Optional<CrawlNow> now(long peakInFlight) {
        Live l = live;
        if (l == null) {
            return Optional.empty();
        }
        ResourceSnapshot resources = l.sampler().snapshot();
        return Optional.of(new CrawlNow(l.stats().summary(runInfo(l.started(), peakInFlight), resources),
                resources.lastThreads(), resources.lastHeapBytes(), l.stats().latencyBuckets()));
    }

    /** A restore cut short by a stop ends the run with nothing fetched and no summary; any other failure stays. */
    private static Future<Ended> stoppedRestore(Throwable failure, ResourceSampler sampler) {
        if (!StateRestore.stopped(failure)) {
            return Future.failedFuture(failure);
        }
        sampler.stop();
        return Future.succeededFuture(new Ended(null, false));
    }

    /** The report of a run stopped in its restore: no summary this time (the last run's, if any, stays). */
    private CrawlReport stoppedInRestore() {
        return new CrawlReport(null, config.output().records(), config.output().summary(), true);
    }

    private Future<CrawlReport> writeSummary(RunSummary finished) {
        RunSummary summary = finished.withStopped(stopRequested);
        JsonObject json = summary.toJson();
        if (fetchers != null) {
            json.put("fetchers", FetcherWork.toJson(fetchers.get()));
        }
        return SummaryWriter.write(vertx, config.output().summary(), json)
                .map(v -> new CrawlReport(summary, config.output().records(), config.output().summary(), stopRequested));
    }

    private Frontier frontier(CrawlSetup setup, RecordSink sink, UrlLog urlLog) {
        if (part == null) {
            return new Frontier(setup.frontierSettings(), setup.scope(), setup.normalizer(), sink, urlLog,
                    config.mode(), clockMs, new Random());
        }
        shard = part.shard(clockMs, share -> new Frontier(setup.frontierSettings(), setup.scope(),
                setup.normalizer(), sink, urlLog, share, config.mode(), clockMs, new Random()));
        return shard.frontier();
    }

    /**
     * Seeds the frontier after the state's URLs and records are back ({@link StateRestore}, which a stop ends between
     * two entries); its host queues spill to the state's folder.
     */
    private Frontier restored(Frontier frontier, CrawlStats stats) {
        spill = QueueSpill.open(state.dir().resolve(SPILL_FILE), queueMemoryLimit);
        frontier.spillTo(spill);
        new StateRestore(state, () -> stopRequested).into(frontier, stats);
        return seeded(frontier);
    }

    private Frontier seeded(Frontier frontier) {
        if (part == null) {
            frontier.seed(config.seeds());
        } else {
            frontier.seedOwn(config.seeds());
        }
        return frontier;
    }

    private Future<Void> closeSpill() {
        return spill == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            spill.close();
            return null;
        });
    }

    /** The last step: the state says finished only once the records file and the summary are on disk. */
    private Future<Void> markFinished(boolean complete) {
        if (state == null || !complete) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            state.markFinished();
            return null;
        });
    }

    private Future<Void> fetchLocally(CrawlSetup setup, Future<Void> crawlDone) {
        if (!localFetcher) {
            return crawlDone;
        }
        Mode mode = config.mode();
        String label = (part == null ? "local-" : "part" + part.part() + "-") + mode.label();
        FetcherSettings fetchers = setup.fetcherSettings(addresses, config.effectiveConcurrency(), label,
                archive == null ? FetchArchive.NONE : archive).withTimeline(timeline);
        if (hostsShown > 0) {
            fetchers = fetchers.withLiveSlots();
        }
        if (part != null) {
            fetchers = fetchers.withActing(part.acting());
        }
        return vertx.deployVerticle(ModeVerticles.create(mode, fetchers), ModeVerticles.deploymentOptions(mode))
                .compose(fetcherId -> crawlDone.compose(v -> vertx.undeploy(fetcherId)));
    }

    /**
     * The grace of a {@link #stop} that waits for every fetch in flight to end (each ends within its timeouts), so
     * no request of this run is still on the wire when it completes: a part handed to another node.
     */
    public static final long UNTIL_DRAINED = -1;

    /**
     * Stop leasing, give in-flight requests {@code graceMs} ({@link #UNTIL_DRAINED}: as long as they take), then
     * finish; completes with the run's report. A stop
     * during the restore of a state ends the restore between two entries, and the run with nothing fetched (its
     * report has no summary). A stop that comes before the frontier listens otherwise (while the records file opens
     * or the frontier deploys) is held and delivered the moment it does, before any fetcher can lease: the
     * frontier's stop message is sent before the local fetcher is even deployed.
     */
    public Future<CrawlReport> stop(long graceMs) {
        stopRequested = true;
        return listening.future().compose(v -> vertx.eventBus().request(addresses.stop(), graceMs))
                .transform(ar -> report.future());
    }
}
