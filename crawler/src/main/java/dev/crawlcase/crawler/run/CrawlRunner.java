package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.bus.FrontierVerticle;
import dev.crawlcase.crawler.task.CrawlAddresses;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.mode.FetcherSettings;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.frontier.QueueSpill;
import dev.crawlcase.crawler.frontier.UrlLog;
import dev.crawlcase.crawler.output.CrawlRecordJson;
import dev.crawlcase.crawler.output.JsonlRecordWriter;
import dev.crawlcase.crawler.task.RecordSink;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.output.CrawlStats;
import dev.crawlcase.crawler.output.RunInfo;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.output.SummaryWriter;
import dev.crawlcase.crawler.state.RecordsFileRepair;
import dev.crawlcase.crawler.state.StateJournal;
import dev.crawlcase.crawler.state.StateStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Runs one crawl on a Vert.x instance: deploys the frontier verticle and one fetch verticle of the configured
 * mode, waits until the frontier says every URL has its record, then closes the records file and writes the
 * summary. {@link #stop} ends it early but cleanly. On a cluster the frontier node may run without a local fetch
 * verticle: fetchers on other nodes lease from the same addresses.
 */
public final class CrawlRunner {
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
    private volatile boolean stopRequested;
    private StateStore state;
    private long queueMemoryLimit;
    private QueueSpill spill;

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
     * Runs the crawl, one named step after another: open the records file, build the frontier, serve it (deploy
     * the frontier verticle and a local fetcher, wait until every URL has its record), mark the state finished,
     * close the spill and the records file, then write the summary. The records file is closed before the summary
     * is built and written, so the summary counts what the file holds.
     */
    public Future<CrawlReport> run() {
        CrawlSetup setup = new CrawlSetup(config);
        ResourceSampler sampler = new ResourceSampler(vertx, SAMPLE_MS, foreignThreads);
        sampler.start();
        Instant started = Instant.now();
        CrawlStats stats = new CrawlStats();
        openRecords()
                .compose(writer -> crawl(setup, writer, stats, sampler, started).eventually(writer::close))
                .compose(this::writeSummary)
                .onComplete(report);
        return report.future();
    }

    /** Opens the records file: appended to when the crawl is durable (a resume goes on where it stopped). */
    private Future<JsonlRecordWriter> openRecords() {
        return JsonlRecordWriter.open(vertx, config.output().records(), state != null);
    }

    /**
     * Crawls with the records file open, then closes the spill and the file; the run's summary. Known gap, kept
     * as it was: {@code eventually} keeps the crawl's outcome and drops the close's, so a failed close goes unseen.
     */
    private Future<RunSummary> crawl(CrawlSetup setup, JsonlRecordWriter writer, CrawlStats stats,
                                     ResourceSampler sampler, Instant started) {
        RecordSink out = r -> {
            writer.accept(r);
            stats.accept(r);
        };
        StateJournal journal = state == null ? null : new StateJournal(vertx, state, state.recordCount(), out);
        return buildFrontier(setup, out, journal, stats).compose(frontier -> serve(setup, frontier, journal)
                .eventually(this::closeSpill)
                .eventually(writer::close)
                .map(v -> summary(frontier, stats, sampler, started)));
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
     * Starts the frontier verticle, fetches until it says every URL has its record, undeploys it and marks a
     * durable state finished (unless the crawl was suspended for a resume).
     */
    private Future<Void> serve(CrawlSetup setup, Frontier frontier, StateJournal journal) {
        FrontierVerticle verticle = new FrontierVerticle(frontier, addresses,
                journal == null ? null : journal::checkpoint, clockMs);
        return startFrontier(verticle)
                .compose(frontierId -> fetchLocally(setup, verticle.done())
                        .eventually(() -> vertx.undeploy(frontierId)))
                .compose(v -> markFinished(verticle));
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
        int concurrency = localFetcher ? config.effectiveConcurrency() : 0;
        RunInfo run = new RunInfo(config.mode(), concurrency, config.seeds(), started, Instant.now(),
                frontier.stats().peakInFlight());
        return stats.summary(run, sampler.snapshot());
    }

    private Future<CrawlReport> writeSummary(RunSummary finished) {
        RunSummary summary = finished.withStopped(stopRequested);
        return SummaryWriter.write(vertx, config.output().summary(), summary)
                .map(v -> new CrawlReport(summary, config.output().records(), config.output().summary(), stopRequested));
    }

    private Frontier frontier(CrawlSetup setup, RecordSink sink, UrlLog urlLog) {
        return new Frontier(setup.frontierSettings(), setup.scope(), setup.normalizer(), sink, urlLog,
                config.mode(), clockMs, new Random());
    }

    /** Seeds the frontier; on a resume first the state's URLs, and the earlier records into the summary counts. */
    private Frontier restored(Frontier frontier, CrawlStats stats) {
        if (spillsQueues()) {
            spill = QueueSpill.open(state.dir().resolve(SPILL_FILE), queueMemoryLimit);
            frontier.spillTo(spill);
        }
        state.forEachRecord(0, line -> stats.accept(CrawlRecordJson.fromJson(new JsonObject(line))));
        state.forEachUrl(frontier::restoreDone, frontier::restoreFound);
        return seeded(frontier);
    }

    private Frontier seeded(Frontier frontier) {
        frontier.seed(config.seeds());
        return frontier;
    }

    private Future<Void> closeSpill() {
        return spill == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            spill.close();
            return null;
        });
    }

    private Future<Void> markFinished(FrontierVerticle frontier) {
        if (state == null || frontier.suspended()) {
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
        FetcherSettings fetchers = setup.fetcherSettings(addresses, config.effectiveConcurrency(), "local-" + mode.label());
        return vertx.deployVerticle(ModeVerticles.create(mode, fetchers), ModeVerticles.deploymentOptions(mode))
                .compose(fetcherId -> crawlDone.compose(v -> vertx.undeploy(fetcherId)));
    }

    /** Stop leasing, give in-flight requests {@code graceMs}, then finish; completes with the run's report. */
    public Future<CrawlReport> stop(long graceMs) {
        stopRequested = true;
        return vertx.eventBus().request(addresses.stop(), graceMs).transform(ar -> report.future());
    }
}
