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

/**
 * Runs one crawl on a Vert.x instance: deploys the frontier verticle and one fetch verticle of the configured
 * mode, waits until the frontier says every URL has its record, then closes the records file and writes the
 * summary. {@link #stop} ends it early but cleanly. On a cluster the frontier node may run without a local fetch
 * verticle: fetchers on other nodes lease from the same addresses.
 */
public final class CrawlRunner {
    private static final long SAMPLE_MS = 50;
    private static final String SPILL_FILE = "queue-spill.mv.db";
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

    public Future<CrawlReport> run() {
        CrawlSetup setup = new CrawlSetup(config);
        Mode mode = config.mode();
        ResourceSampler sampler = new ResourceSampler(vertx, SAMPLE_MS, foreignThreads);
        sampler.start();
        Instant started = Instant.now();
        CrawlStats stats = new CrawlStats();
        JsonlRecordWriter.open(vertx, config.output().records(), state != null).compose(writer -> {
            RecordSink out = r -> {
                writer.accept(r);
                stats.accept(r);
            };
            StateJournal journal = state == null ? null : new StateJournal(vertx, state, state.recordCount(), out);
            Future<Frontier> built = journal == null
                    ? Future.succeededFuture(seeded(frontier(setup, out, UrlLog.NONE)))
                    : vertx.executeBlocking(() -> restored(frontier(setup, journal, journal), stats));
            return built.compose(frontier -> {
                FrontierVerticle frontierVerticle = new FrontierVerticle(frontier, addresses,
                        journal == null ? null : journal::checkpoint);
                DeploymentOptions options = new DeploymentOptions().setThreadingModel(
                        spill == null ? ThreadingModel.EVENT_LOOP : ThreadingModel.WORKER);
                return vertx.deployVerticle(frontierVerticle, options).compose(frontierId ->
                                fetchLocally(setup, frontierVerticle.done()).eventually(() -> vertx.undeploy(frontierId)))
                        .compose(v -> markFinished(frontierVerticle))
                        .eventually(this::closeSpill)
                        .eventually(writer::close)
                        .map(v -> {
                            sampler.stop();
                            int concurrency = localFetcher ? config.effectiveConcurrency() : 0;
                            RunInfo run = new RunInfo(mode, concurrency, config.seeds(), started,
                                    Instant.now(), frontier.stats().peakInFlight());
                            return stats.summary(run, sampler.snapshot());
                        });
            }).eventually(writer::close);
        }).compose(summary -> SummaryWriter.write(vertx, config.output().summary(), summary)
                .map(v -> new CrawlReport(summary, config.output().records(), config.output().summary(), stopRequested)))
                .onComplete(report);
        return report.future();
    }

    private Frontier frontier(CrawlSetup setup, RecordSink sink, UrlLog urlLog) {
        return new Frontier(setup.frontierSettings(), setup.scope(), setup.normalizer(), sink, urlLog,
                config.mode(), System::currentTimeMillis, new Random());
    }

    /** Seeds the frontier; on a resume first the state's URLs, and the earlier records into the summary counts. */
    private Frontier restored(Frontier frontier, CrawlStats stats) {
        spill = QueueSpill.open(state.dir().resolve(SPILL_FILE), queueMemoryLimit);
        frontier.spillTo(spill);
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
