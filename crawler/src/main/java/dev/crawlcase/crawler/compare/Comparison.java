package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.dashboard.Dashboard;
import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.mode.FetchTimeline;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlerVertx;
import dev.crawlcase.crawler.run.WorkerCosts;
import dev.crawlcase.json.ConfigFile;
import dev.crawlcase.sites.GroundTruth;
import dev.crawlcase.sites.WorldPlan;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Runs crawls one after another against one fake-sites process, whose counters are reset before each run so that
 * every run meets exactly the same faults, each crawl on a fresh Vert.x instance, and keeps what each one found
 * and cost. One unmeasured warm-up crawl first lets both JVMs compile their hot code. {@link #stop} (Ctrl-C) stops
 * the crawl that runs and starts no other; {@link #stoppedIn} then names the run it stopped.
 */
public final class Comparison implements AutoCloseable {
    /** How often a run's threads and CPU are sampled for the report's picture of them over time. */
    private static final long RESOURCE_SAMPLE_MS = 100;
    private final CrawlConfig crawl;
    private final SitesProcess sites;
    private final List<String> seeds;
    private final Map<String, String> baseUrls;
    private final IdealModel ideal;
    private final GroundTruth truth;
    private final Path runsDir;
    private final PrintWriter log;
    private volatile boolean stopped;
    private volatile long stopGraceMs;
    /** The crawl that runs now, so that a stop reaches it; null between crawls and once it was told to stop. */
    private final AtomicReference<CrawlRunner> current = new AtomicReference<>();
    /** What was running when the stop came (the warm-up, or a mode at a concurrency); null while not stopped. */
    private volatile String stoppedIn;
    private int planned;
    /** Shows each measured crawl live and the ladder so far, or null. */
    private Dashboard dashboard;

    private Comparison(CrawlConfig crawl, SitesProcess sites, List<String> seeds, WorldPlan plan, Path runsDir,
                       PrintWriter log) {
        this.crawl = crawl;
        this.sites = sites;
        this.seeds = seeds;
        this.baseUrls = sites == null ? Map.of() : sites.baseUrls();
        this.ideal = plan == null ? null : new IdealModel(plan, crawl);
        this.truth = ideal == null ? null : ideal.groundTruth();
        this.runsDir = runsDir;
        this.log = log;
    }

    /** Starts the world in {@code sitesFile} in a child process. */
    public static Comparison ofWorld(CrawlConfig crawl, ConfigFile sitesFile, WorldConfig world, Path runsDir,
                                     PrintWriter log) {
        SitesProcess sites = SitesProcess.start(sitesFile, world.sites().size());
        WorldPlan plan = new WorldPlan(world, sites.baseUrls());
        return new Comparison(crawl, sites, List.copyOf(sites.baseUrls().values()), plan, runsDir, log);
    }

    /** Sites we did not start: no ground truth, no ideal time, no fault reset between runs. */
    public static Comparison ofRunningSites(CrawlConfig crawl, List<String> seeds, Path runsDir, PrintWriter log) {
        return new Comparison(crawl, null, seeds, null, runsDir, log);
    }

    /** Shows every measured crawl on {@code board} as it runs, and each result on its ladder (the warm-up is not). */
    public Comparison watchedBy(Dashboard board) {
        this.dashboard = board;
        return this;
    }

    /** One run of {@code mode}; null when a stop came before or during it (its figures would be a cut run's). */
    public RunResult run(Mode mode, int concurrency, boolean sweep) {
        CrawlConfig config = crawl.withMode(mode).withConcurrency(concurrency).withSeeds(seeds);
        String name = mode.label() + "-" + config.effectiveConcurrency();
        config = config.withOutput(new CrawlConfig.Output(runsDir.resolve(name + ".jsonl"),
                runsDir.resolve(name + "-summary.json")));
        log.printf("  %-12s concurrency %-5d ... ", mode.label(), config.effectiveConcurrency());
        log.flush();
        RunResult result = crawl(config, mode, sweep, "during " + describe(mode, config.effectiveConcurrency(), sweep),
                dashboard);
        if (result == null) {
            log.println("stopped");
            return null;
        }
        log.printf("%.2f s, %d pages%n", result.wallSeconds(), result.pages().size());
        return result;
    }

    private static String describe(Mode mode, int concurrency, boolean sweep) {
        return mode.label() + " at concurrency " + concurrency + (sweep ? " (sweep)" : "");
    }

    /** The crawl named {@code what}; null if a stop came first or ended it early. */
    private RunResult crawl(CrawlConfig config, Mode mode, boolean sweep, String what, Dashboard board) {
        if (stopped) {
            stoppedIn = stoppedIn == null ? what : stoppedIn;
            return null;
        }
        if (sites != null) {
            sites.reset();
        }
        System.gc();
        Vertx vertx = CrawlerVertx.create();
        try {
            FetchTimeline timeline = FetchTimeline.recording();
            ResourceSampler resources = WorkerCosts.counted(
                    new ResourceSampler(vertx, RESOURCE_SAMPLE_MS, () -> 0).recordingSeries(), mode);
            resources.start();
            CrawlReport report;
            try {
                CrawlRunner runner = new CrawlRunner(vertx, config, () -> 0).withTimeline(timeline);
                if (board != null) {
                    runner.watched(board.hostsShown());
                    board.follow(vertx.eventBus(), runner.addresses(),
                            mode.label() + " " + config.effectiveConcurrency(), runner);
                }
                current.set(runner);
                // a stop that came while this run was set up did not reach it: whoever takes it from current stops it
                if (stopped && current.compareAndSet(runner, null)) {
                    runner.stop(stopGraceMs);
                }
                report = runner.run().toCompletionStage().toCompletableFuture().join();
                current.compareAndSet(runner, null);
                if (board != null && report.summary() != null) {
                    board.finished(report.summary());
                }
            } finally {
                resources.stop();
            }
            if (report.stopped()) {
                stoppedIn = stoppedIn == null ? what : stoppedIn;
                return null;
            }
            Map<String, Integer> pages = new TreeMap<>();
            RecordsFile.read(report.records()).stream().filter(r -> r.outcome() == Outcome.FETCHED)
                    .forEach(r -> pages.put(relabel(r.url()), r.depth()));
            Map<String, Integer> truthPages = null;
            double idealSeconds = Double.NaN;
            if (truth != null) {
                truthPages = new TreeMap<>();
                for (var e : truth.pages().entrySet()) {
                    truthPages.put(relabel(e.getKey()), e.getValue());
                }
                idealSeconds = ideal.idealSeconds(truth, config.effectiveConcurrency());
            }
            return new RunResult(mode, config.effectiveConcurrency(), report.summary(), pages, truthPages,
                    idealSeconds, sweep, timeline.spans(), resources.series());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** {@code http://127.0.0.1:PORT/x} -> {@code site:/x}, readable in reports. */
    private String relabel(String url) {
        for (var e : baseUrls.entrySet()) {
            if (url.startsWith(e.getValue())) {
                return e.getKey() + ":/" + url.substring(e.getValue().length());
            }
        }
        return url;
    }

    /**
     * A warm-up crawl, then each mode once, then the sweep: the runs that finished, in order. After a {@link #stop}
     * no run starts, and the one it cut short is not among them ({@link #stoppedIn} names it).
     */
    public List<RunResult> runAll(List<Mode> modes, int concurrency, List<Integer> sweep, Consumer<String> notes) {
        return runAll(modes, mode -> concurrency, sweep, notes);
    }

    /** {@link #runAll(List, int, List, Consumer)} with a concurrency of each mode's own. */
    public List<RunResult> runAll(List<Mode> modes, ToIntFunction<Mode> concurrency, List<Integer> sweep,
                                  Consumer<String> notes) {
        record Rung(Mode mode, int concurrency, boolean sweep) {
        }
        List<Rung> rungs = new ArrayList<>();
        for (Mode mode : modes) {
            if (ModeVerticles.unavailableReason(mode).isPresent()) {
                notes.accept("skipped " + mode.label() + ": " + ModeVerticles.unavailableReason(mode).orElseThrow());
            } else {
                rungs.add(new Rung(mode, concurrency.applyAsInt(mode), false));
            }
        }
        for (int c : sweep) {
            for (Mode mode : List.of(Mode.THREAD_POOL, Mode.ASYNC, Mode.VIRTUAL)) {
                if (ModeVerticles.unavailableReason(mode).isEmpty()) {
                    rungs.add(new Rung(mode, c, true));
                }
            }
        }
        planned = rungs.size();
        log.print("  warm-up (async, not counted) ... ");
        log.flush();
        boolean warm = crawl(crawl.withMode(Mode.ASYNC).withSeeds(seeds).withOutput(new CrawlConfig.Output(
                runsDir.resolve("warm-up.jsonl"), runsDir.resolve("warm-up-summary.json"))), Mode.ASYNC, false,
                "during the warm-up (async, not counted)", null) != null;
        log.println(warm ? "done" : "stopped");
        List<RunResult> results = new ArrayList<>();
        for (Rung rung : rungs) {
            if (stopped) {
                // stopped between two runs: the one that would have come next is where it stopped
                stoppedIn = stoppedIn == null ? "before " + describe(rung.mode(), rung.mode() == Mode.SEQUENTIAL ? 1
                        : rung.concurrency(), rung.sweep()) : stoppedIn;
                break;
            }
            RunResult result = run(rung.mode(), rung.concurrency(), rung.sweep());
            if (result != null) {
                results.add(result);
            }
        }
        return results;
    }

    /** How many runs {@link #runAll} planned (the warm-up not counted). */
    public int planned() {
        return planned;
    }

    /**
     * Stops the comparison (Ctrl-C): the crawl that runs gets {@code graceMs} for its requests in flight and then
     * ends; no other starts. Safe from any thread, at any moment.
     */
    public void stop(long graceMs) {
        stopGraceMs = graceMs;
        stopped = true;
        CrawlRunner runner = current.getAndSet(null);
        if (runner != null) {
            runner.stop(graceMs);
        }
    }

    /**
     * Where the stop came, if one came: "during thread-pool at concurrency 64", "during the warm-up (async, not
     * counted)", "before async at concurrency 64" (between two runs) or "after the last run".
     */
    public Optional<String> stoppedIn() {
        return stopped ? Optional.of(stoppedIn == null ? "after the last run" : stoppedIn)
                : Optional.empty();
    }

    @Override
    public void close() {
        if (sites != null) {
            sites.close();
        }
    }
}
