package dev.crawlcase.crawler.pipeline;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.mode.FetcherSettings;
import dev.crawlcase.crawler.mode.Mode;
import dev.crawlcase.crawler.output.JsonlRecordWriter;
import dev.crawlcase.crawler.output.ResourceSampler;
import dev.crawlcase.crawler.output.CrawlStats;
import dev.crawlcase.crawler.output.RunInfo;
import dev.crawlcase.crawler.output.SummaryWriter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

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
    private final Vertx vertx;
    private final CrawlConfig config;
    private final IntSupplier foreignThreads;
    private final CrawlAddresses addresses;
    private final boolean localFetcher;
    private final Promise<CrawlReport> report = Promise.promise();
    private volatile boolean stopRequested;

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

    public Future<CrawlReport> run() {
        CrawlSetup setup = new CrawlSetup(config);
        Mode mode = config.mode();
        ResourceSampler sampler = new ResourceSampler(vertx, SAMPLE_MS, foreignThreads);
        sampler.start();
        Instant started = Instant.now();
        CrawlStats stats = new CrawlStats();
        JsonlRecordWriter.open(vertx, config.output().records()).compose(writer -> {
            Frontier frontier = new Frontier(setup.frontierSettings(), setup.scope(), setup.normalizer(),
                    r -> {
                        writer.accept(r);
                        stats.accept(r);
                    }, mode.label(), System::currentTimeMillis, new Random());
            frontier.seed(config.seeds());
            FrontierVerticle frontierVerticle = new FrontierVerticle(frontier, addresses);
            return vertx.deployVerticle(frontierVerticle).compose(frontierId ->
                    fetchLocally(setup, frontierVerticle.done()).eventually(() -> vertx.undeploy(frontierId)))
                    .eventually(writer::close)
                    .map(v -> {
                        sampler.stop();
                        int concurrency = localFetcher ? config.effectiveConcurrency() : 0;
                        RunInfo run = new RunInfo(mode.label(), concurrency, config.seeds(), started, Instant.now(),
                                frontier.stats().peakInFlight());
                        return stats.summary(run, sampler.snapshot());
                    });
        }).compose(summary -> SummaryWriter.write(vertx, config.output().summary(), summary)
                .map(v -> new CrawlReport(summary, config.output().records(), config.output().summary(), stopRequested)))
                .onComplete(report);
        return report.future();
    }

    private Future<Void> fetchLocally(CrawlSetup setup, Future<Void> crawlDone) {
        if (!localFetcher) {
            return crawlDone;
        }
        Mode mode = config.mode();
        FetcherSettings fetchers = setup.fetcherSettings(addresses, config.effectiveConcurrency(), "local-" + mode.label());
        return vertx.deployVerticle(mode.verticle(fetchers), mode.deploymentOptions())
                .compose(fetcherId -> crawlDone.compose(v -> vertx.undeploy(fetcherId)));
    }

    /** Stop leasing, give in-flight requests {@code graceMs}, then finish; completes with the run's report. */
    public Future<CrawlReport> stop(long graceMs) {
        stopRequested = true;
        return vertx.eventBus().request(addresses.stop(), graceMs).transform(ar -> report.future());
    }
}
