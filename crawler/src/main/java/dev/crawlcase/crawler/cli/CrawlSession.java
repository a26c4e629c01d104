package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.OutputFiles;
import dev.crawlcase.crawler.config.SeedCheck;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlerVertx;
import dev.crawlcase.crawler.bus.FinishedAnswer;
import dev.crawlcase.crawler.dashboard.Dashboard;
import dev.crawlcase.crawler.state.StateStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One crawl from the command line: checks the seeds and the mode, starts the bundled sites when there are no
 * seeds, runs the crawl on a fresh Vert.x instance, and turns Ctrl-C into a graceful stop (in-flight requests
 * get a grace period, then every URL gets its record and the files are closed).
 */
final class CrawlSession implements AutoCloseable {
    private static final long STOP_GRACE_MS = 5_000;

    private final CrawlConfig config;
    private final boolean progress;
    private final PrintWriter err;
    private final Vertx vertx;
    private final SitesHost sites;
    private final Node node;
    /** Printed when the crawl starts (after every input check), or null. */
    private final String concurrencyNote;
    /** The live page, or null when not asked for. */
    private final Dashboard dashboard;

    /**
     * Where this session's frontier listens, whether a fetch verticle runs beside it, and how long the node keeps
     * answering "finished" after the crawl (so cluster fetchers learn the end before the node leaves).
     */
    record Node(CrawlAddresses addresses, boolean localFetcher, long lingerMs) {
        static Node standalone() {
            return new Node(new CrawlAddresses(UUID.randomUUID().toString()), true, 0);
        }
    }

    private CrawlSession(CrawlConfig config, boolean progress, PrintWriter err, Vertx vertx, SitesHost sites, Node node,
                         String concurrencyNote, Dashboard dashboard) {
        this.concurrencyNote = concurrencyNote;
        this.dashboard = dashboard;
        this.config = config;
        this.progress = progress;
        this.err = err;
        this.vertx = vertx;
        this.sites = sites;
        this.node = node;
    }

    static CrawlSession open(CrawlConfig config, boolean progress, PrintWriter err) {
        return open(config, progress, err, OptionalInt.empty(), Dashboard.DEFAULT_HOSTS);
    }

    /**
     * A standalone crawl, watched on a dashboard at the given port (0: a free one) when one is asked for, its host
     * table showing {@code dashboardHosts} hosts of each kind.
     */
    static CrawlSession open(CrawlConfig config, boolean progress, PrintWriter err, OptionalInt dashboardPort,
                             int dashboardHosts) {
        if (dashboardPort.isEmpty()) {
            return open(config, progress, err, CrawlerVertx::create, Node.standalone(), null);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return open(config, progress, err, () -> CrawlerVertx.create(registry), Node.standalone(),
                vertx -> DashboardStart.on(vertx, dashboardPort.getAsInt(), dashboardHosts, "run", registry, err));
    }

    static CrawlSession open(CrawlConfig config, boolean progress, PrintWriter err, Supplier<Vertx> vertx,
                             Node node) {
        return open(config, progress, err, vertx, node, null);
    }

    /**
     * Checks the config, starts the bundled sites if needed, then the Vert.x instance (clustered or not) and the
     * dashboard, if {@code dashboard} is given (it fails as bad input when its port is taken).
     */
    private static CrawlSession open(CrawlConfig config, boolean progress, PrintWriter err, Supplier<Vertx> vertx,
                                     Node node, Function<Vertx, Dashboard> dashboard) {
        ModeVerticles.unavailableReason(config.mode()).ifPresent(reason -> {
            throw new ConfigException("", reason);
        });
        if (config.output().warc() != null && !ModeVerticles.archives(config.mode())) {
            throw new ConfigException("--warc", config.mode().label() + " mode keeps no raw copy of what it read, so"
                    + " it cannot write WARC files yet; use async, thread-pool, sequential, virtual or io-uring");
        }
        // here, after the flags: --allow-remote may be what lets a remote proxy through
        config.fetch().request().checkProxy(config.allowRemote());
        OutputFiles.check(config.output());
        SitesHost sites = null;
        if (config.seeds().isEmpty()) {
            sites = SitesHost.start(config.sites());
            config = config.withSeeds(sites.world().seedUrls());
            // a TLS world's self-signed certificate is trusted for this crawl, and only it (never trust-all)
            String pem = sites.world().certificatePem().orElse(null);
            if (pem != null) {
                config = config.withFetch(config.fetch().withTrust(config.fetch().trust().plusPem(pem)));
            }
        } else {
            SeedCheck.validate(config.seeds(), config.allowRemote());
        }
        if (ModeVerticles.plainHttp11Only(config.mode())) {
            PlainHttpCheck.check(config);
        }
        // lowered here, so the thread pool and the summary's "conc" are what can run; said when the crawl starts
        ReachableConcurrency.Cap cap = node.localFetcher() ? ReachableConcurrency.of(config) : null;
        if (cap != null) {
            config = config.withConcurrency(cap.concurrency());
        }
        Vertx started = null;
        try {
            started = vertx.get();
            Dashboard watching = dashboard == null ? null : dashboard.apply(started);
            return new CrawlSession(config, progress, err, started, sites, node, cap == null ? null : cap.note(),
                    watching);
        } catch (RuntimeException e) {
            if (started != null) {
                started.close().toCompletionStage().toCompletableFuture().join();
            }
            if (sites != null) {
                sites.close();
            }
            throw e;
        }
    }

    int crawl(Function<CrawlReport, Integer> ending) {
        return crawl(null, 0, ending);
    }

    /**
     * @param state       the crawl's durable state (new or resumed), or null for a crawl that is not kept
     * @param queueMemory with a state: queued URLs held in memory before the queues spill to disk
     * @param ending      prints the end (table, files, hints) and gives the exit code; on Ctrl-C too, before the JVM
     *                    halts: the stop hook waits for it
     */
    int crawl(StateStore state, long queueMemory, Function<CrawlReport, Integer> ending) {
        if (concurrencyNote != null) {
            err.println(concurrencyNote);
        }
        CrawlRunner runner = new CrawlRunner(vertx, config, SitesHost::threadCount, node.addresses(), node.localFetcher());
        if (state != null) {
            runner.withState(state, queueMemory);
        }
        ProgressLine line = progress && ProgressLine.stderrIsTerminal() ? new ProgressLine(vertx, err) : null;
        if (line != null) {
            line.follow(runner.addresses());
        }
        if (dashboard != null) {
            runner.watched(dashboard.hostsShown());
            dashboard.follow(vertx.eventBus(), runner.addresses(), config.mode().label() + " "
                    + config.effectiveConcurrency(), runner);
        }
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            CrawlReport stopped = awaitQuietly(runner.stop(STOP_GRACE_MS).toCompletionStage().toCompletableFuture());
            awaitEnding(ended);
            err.println("\ncrawler: stopped; records: " + config.output().records()
                    + (stopped != null && stopped.stoppedInRestore() ? "" : ", summary: " + config.output().summary()));
        }, "crawlcase-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CrawlReport report = runner.run().onSuccess(this::shown).compose(this::linger)
                    .toCompletionStage().toCompletableFuture().join();
            if (line != null) {
                line.close();
                line = null;
            }
            int code = ending.apply(report);
            ended.countDown();
            return code;
        } finally {
            if (line != null) {
                line.close();
            }
            removeHook(hook);
        }
    }

    /** The dashboard, if any, shows the summary as written, so its last {@code /status} says what the file says. */
    private void shown(CrawlReport report) {
        if (dashboard != null) {
            dashboard.finished(report.summary());
        }
    }

    private Future<CrawlReport> linger(CrawlReport report) {
        if (node.lingerMs() <= 0) {
            return Future.succeededFuture(report);
        }
        return vertx.deployVerticle(new FinishedAnswer(node.addresses()))
                .compose(id -> vertx.timer(node.lingerMs()))
                .map(report);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook is running and will finish the files
        }
    }

    /** The main thread's ending (the table) is printed before the stop hook returns and the JVM halts. */
    private static void awaitEnding(CountDownLatch ended) {
        try {
            ended.await(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stopped run's report, or null (said on stderr) when the stop did not complete in time. */
    private static CrawlReport awaitQuietly(CompletableFuture<CrawlReport> f) {
        try {
            return f.get(STOP_GRACE_MS * 3, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.err.println("crawler: stop did not complete: " + e);
            return null;
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        if (sites != null) {
            sites.close();
        }
    }
}
