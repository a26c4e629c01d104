package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.dashboard.Dashboard;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlerVertx;
import dev.crawlcase.sites.GroundTruth;
import dev.crawlcase.sites.WorldPlan;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs crawls one after another against one fake-sites process, whose counters are reset before each run so that
 * every run meets exactly the same faults, each crawl on a fresh Vert.x instance, and keeps what each one found
 * and cost. One unmeasured warm-up crawl first lets both JVMs compile their hot code.
 */
public final class Comparison implements AutoCloseable {
    private final CrawlConfig crawl;
    private final SitesProcess sites;
    private final List<String> seeds;
    private final Map<String, String> baseUrls;
    private final IdealModel ideal;
    private final GroundTruth truth;
    private final Path runsDir;
    private final PrintWriter log;
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
    public static Comparison ofWorld(CrawlConfig crawl, Path sitesFile, WorldConfig world, Path runsDir, PrintWriter log) {
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

    public RunResult run(Mode mode, int concurrency, boolean sweep) {
        CrawlConfig config = crawl.withMode(mode).withConcurrency(concurrency).withSeeds(seeds);
        String name = mode.label() + "-" + config.effectiveConcurrency();
        config = config.withOutput(new CrawlConfig.Output(runsDir.resolve(name + ".jsonl"),
                runsDir.resolve(name + "-summary.json")));
        log.printf("  %-12s concurrency %-5d ... ", mode.label(), config.effectiveConcurrency());
        log.flush();
        RunResult result = crawl(config, mode, sweep, dashboard);
        log.printf("%.2f s, %d pages%n", result.wallSeconds(), result.pages().size());
        return result;
    }

    private RunResult crawl(CrawlConfig config, Mode mode, boolean sweep, Dashboard board) {
        if (sites != null) {
            sites.reset();
        }
        System.gc();
        Vertx vertx = CrawlerVertx.create();
        try {
            CrawlRunner runner = new CrawlRunner(vertx, config, () -> 0);
            if (board != null) {
                board.follow(vertx.eventBus(), runner.addresses(), mode.label() + " " + config.effectiveConcurrency(),
                        runner);
            }
            CrawlReport report = runner.run().toCompletionStage().toCompletableFuture().join();
            if (board != null) {
                board.finished(report.summary());
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
                    idealSeconds, sweep);
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

    /** A warm-up crawl, then each mode once, then the sweep. */
    public List<RunResult> runAll(List<Mode> modes, int concurrency, List<Integer> sweep, Consumer<String> notes) {
        log.print("  warm-up (async, not counted) ... ");
        log.flush();
        crawl(crawl.withMode(Mode.ASYNC).withSeeds(seeds).withOutput(new CrawlConfig.Output(
                runsDir.resolve("warm-up.jsonl"), runsDir.resolve("warm-up-summary.json"))), Mode.ASYNC, false, null);
        log.println("done");
        List<RunResult> results = new ArrayList<>();
        for (Mode mode : modes) {
            if (mode.unavailableReason().isPresent()) {
                notes.accept("skipped " + mode.label() + ": " + mode.unavailableReason().orElseThrow());
                continue;
            }
            results.add(run(mode, concurrency, false));
        }
        for (int c : sweep) {
            for (Mode mode : List.of(Mode.THREAD_POOL, Mode.ASYNC, Mode.VIRTUAL)) {
                if (mode.unavailableReason().isEmpty()) {
                    results.add(run(mode, c, true));
                }
            }
        }
        return results;
    }

    @Override
    public void close() {
        if (sites != null) {
            sites.close();
        }
    }
}
