package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.compare.IdealModel;
import dev.crawlcase.crawler.compare.SitesProcess;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.sites.GroundTruth;
import dev.crawlcase.sites.WorldPlan;
import dev.crawlcase.sites.config.WorldConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * C10K: ~20,000 pages that each take 1 s, crawled with 10,000 requests in flight (async, virtual), and by a
 * thread-pool of 1,000 and of 10,000 threads; then async, virtual and the pool of 1,000 again over HTTP/2 (h2c), where
 * many requests share a connection. Wall time against the ideal (the discrete-event simulation over the
 * ground truth at the same concurrency), live threads, peak RSS and heap, CPU.
 */
final class C10kScenario {
    static final int PAGES = 20_000;
    static final int CONCURRENCY = 10_000;
    static final int MAX_DEPTH = 4;
    static final int WARMUP_PAGES = 2_000;
    static final double TARGET_RATIO = 1.3;
    static final int TARGET_THREADS = 50;
    static final List<String> HEADERS = List.of("mode", "conc", "pages", "wall s", "ideal s", "x ideal",
            "peak threads", "peak RSS MB", "peak heap MB", "cpu s", "listen overflows", "connections", "outcome");

    private record Planned(Mode mode, int concurrency, boolean http2) {
    }

    private C10kScenario() {
    }

    static ScenarioResult run(BenchContext ctx) {
        int pages = ctx.scaled(PAGES, 10);
        int conc = ctx.scaled(CONCURRENCY, 10);
        Path dir = ctx.workDir().resolve("c10k");
        ctx.log().println("c10k: " + pages + " pages at 1 s each, " + conc + " in flight");
        List<List<String>> rows = new ArrayList<>();
        JsonArray runs = new JsonArray();
        List<String> notes = new ArrayList<>(List.of("listen overflows: connections the kernel dropped because the "
                + "sites' accept queue was full (net.core.somaxconn = " + ProcStatus.somaxconn() + " here), warm-up "
                + "included; each costs its request a SYN retransmission of 1 s or more",
                "connections: accepted by the sites during the run, warm-up included; the h2 rows crawl over HTTP/2"
                        + " (h2c), many requests in flight on each connection"));
        Double asyncRatio = null;
        Integer asyncThreads = null;
        JsonObject world = BenchWorlds.c10k(pages);
        try (SitesProcess sites = ModeRun.startSites(ctx, dir, "c10k", world)) {
            WorldPlan plan = new WorldPlan(WorldConfigLoader.parse(world.encode()), sites.baseUrls());
            GroundTruth truth = null;
            int pool = Math.max(1, conc / 10);
            for (Planned run : List.of(new Planned(Mode.ASYNC, conc, false), new Planned(Mode.VIRTUAL, conc, false),
                    new Planned(Mode.THREAD_POOL, pool, false), new Planned(Mode.THREAD_POOL, conc, false),
                    new Planned(Mode.ASYNC, conc, true), new Planned(Mode.VIRTUAL, conc, true),
                    new Planned(Mode.THREAD_POOL, pool, true))) {
                Mode mode = run.mode();
                int c = run.concurrency();
                if (!ctx.runs(mode)) {
                    continue;
                }
                CrawlConfig crawl = CrawlConfigLoader.parse(BenchCrawl.config(mode, c, MAX_DEPTH,
                        List.copyOf(sites.baseUrls().values()), dir, "ideal").encode(), "c10k crawl", dir);
                IdealModel ideal = new IdealModel(plan, crawl);
                truth = truth != null ? truth : ideal.groundTruth();
                double idealSeconds = ideal.idealSeconds(truth, c);
                RunFigures f = ModeRun.run(ctx, sites, dir, mode, c, MAX_DEPTH, ctx.scaled(WARMUP_PAGES, 10), 0,
                        run.http2());
                double ratio = f.wallSeconds() / idealSeconds;
                String outcome = f.failed() || f.pages() == truth.pages().size() ? f.outcome()
                        : "incomplete: " + f.pages() + " of " + truth.pages().size() + " pages";
                runs.add(f.result().copy().put("idealSeconds", idealSeconds).put("ratioToIdeal", f.failed() ? null : ratio)
                        .put("groundTruthPages", truth.pages().size()));
                rows.add(List.of(ModeRun.label(mode, run.http2()), Integer.toString(c), f.failed() ? "-" : Long.toString(f.pages()),
                        RunFigures.num(f.wallSeconds(), 2), RunFigures.num(idealSeconds, 2), RunFigures.num(ratio, 2),
                        f.failed() ? "-" : Integer.toString(f.peakThreads()), RunFigures.num(f.peakRssMb(), 0),
                        RunFigures.num(f.peakHeapMb(), 0), RunFigures.num(f.cpuSeconds(), 1),
                        f.listenOverflows() < 0 ? "-" : Long.toString(f.listenOverflows()), ModeRun.connections(f),
                        outcome));
                if (!f.failed()) {
                    notes.add(f.cpuLine());
                }
                if (mode == Mode.ASYNC && !run.http2() && !f.failed() && outcome.equals("ok")) {
                    asyncRatio = ratio;
                    asyncThreads = f.peakThreads();
                }
            }
        }
        String target = "async within " + TARGET_RATIO + "x of the ideal with fewer than " + TARGET_THREADS
                + " live threads";
        Boolean met = asyncRatio == null ? null : asyncRatio <= TARGET_RATIO && asyncThreads < TARGET_THREADS;
        String verdict = asyncRatio == null ? "no complete async run"
                : "async took " + RunFigures.num(asyncRatio, 2) + "x the ideal with " + asyncThreads + " live threads";
        return new ScenarioResult("c10k", "C10K: " + pages + " pages at 1 s latency, sites in a separate process",
                HEADERS, rows, runs, target, met, verdict, notes);
    }
}
