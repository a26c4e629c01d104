package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.mode.Mode;
import dev.crawlcase.crawler.output.CrawlRecord;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.pipeline.CrawlReport;
import dev.crawlcase.crawler.pipeline.CrawlRunner;
import dev.crawlcase.sites.GroundTruth;
import dev.crawlcase.sites.WorldPlan;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs crawls one after another on identical, fresh copies of the fake world (a new sites process per run, so
 * every run meets the same faults), each on a fresh Vert.x instance, and keeps what each one found and cost.
 */
public final class Comparison {
    private final CrawlConfig crawl;
    private final Path sitesFile;
    private final WorldConfig world;
    private final List<String> externalSeeds;
    private final Path runsDir;
    private final PrintWriter log;

    /**
     * @param world         the world to start per run, or null when crawling {@code externalSeeds}
     * @param externalSeeds seeds of sites we did not start (no ground truth, no ideal time)
     */
    public Comparison(CrawlConfig crawl, Path sitesFile, WorldConfig world, List<String> externalSeeds, Path runsDir,
                      PrintWriter log) {
        this.crawl = crawl;
        this.sitesFile = sitesFile;
        this.world = world;
        this.externalSeeds = externalSeeds;
        this.runsDir = runsDir;
        this.log = log;
    }

    public RunResult run(Mode mode, int concurrency, boolean sweep) {
        String name = mode.label() + "-" + concurrency;
        CrawlConfig config = crawl.withMode(mode).withConcurrency(concurrency).withOutput(new CrawlConfig.Output(
                runsDir.resolve(name + ".jsonl"), runsDir.resolve(name + "-summary.json")));
        log.printf("  %-12s concurrency %-5d ... ", mode.label(), config.effectiveConcurrency());
        log.flush();
        RunResult result;
        if (world == null) {
            result = crawl(config.withSeeds(externalSeeds), mode, sweep, null, null, Map.of());
        } else {
            try (SitesProcess sites = SitesProcess.start(sitesFile, world.sites().size())) {
                WorldPlan plan = new WorldPlan(world, sites.baseUrls());
                IdealModel ideal = new IdealModel(plan, config);
                GroundTruth truth = ideal.groundTruth();
                result = crawl(config.withSeeds(List.copyOf(sites.baseUrls().values())), mode, sweep, ideal, truth,
                        sites.baseUrls());
            }
        }
        log.printf("%.2f s, %d pages%n", result.wallSeconds(), result.pages().size());
        return result;
    }

    private RunResult crawl(CrawlConfig config, Mode mode, boolean sweep, IdealModel ideal, GroundTruth truth,
                            Map<String, String> baseUrls) {
        System.gc();
        Vertx vertx = Vertx.builder().build();
        try {
            CrawlReport report = new CrawlRunner(vertx, config, () -> 0).run().toCompletionStage().toCompletableFuture().join();
            Map<String, Integer> pages = new TreeMap<>();
            RecordsFile.read(report.records()).stream().filter(r -> r.outcome().equals(CrawlRecord.FETCHED))
                    .forEach(r -> pages.put(relabel(r.url(), baseUrls), r.depth()));
            Map<String, Integer> truthPages = null;
            double idealSeconds = Double.NaN;
            if (truth != null) {
                truthPages = new TreeMap<>();
                for (var e : truth.pages().entrySet()) {
                    truthPages.put(relabel(e.getKey(), baseUrls), e.getValue());
                }
                idealSeconds = ideal.idealSeconds(truth, config.effectiveConcurrency());
            }
            return new RunResult(mode, config.effectiveConcurrency(), report.summary(), pages, truthPages,
                    idealSeconds, sweep);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** {@code http://127.0.0.1:PORT/x} -> {@code site:/x}, so runs on different ports compare. */
    static String relabel(String url, Map<String, String> baseUrls) {
        for (var e : baseUrls.entrySet()) {
            if (url.startsWith(e.getValue())) {
                return e.getKey() + ":/" + url.substring(e.getValue().length());
            }
        }
        return url;
    }

    /** Runs each mode once, then the sweep; reports progress on the log. */
    public List<RunResult> runAll(List<Mode> modes, int concurrency, List<Integer> sweep, Consumer<String> notes) {
        List<RunResult> results = new java.util.ArrayList<>();
        for (Mode mode : modes) {
            if (mode.unavailableReason() != null) {
                notes.accept("skipped " + mode.label() + ": " + mode.unavailableReason());
                continue;
            }
            results.add(run(mode, concurrency, false));
        }
        for (int c : sweep) {
            for (Mode mode : List.of(Mode.THREAD_POOL, Mode.ASYNC, Mode.VIRTUAL)) {
                if (mode.unavailableReason() == null) {
                    results.add(run(mode, c, true));
                }
            }
        }
        return results;
    }
}
