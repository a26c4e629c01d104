package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.compare.SitesProcess;
import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.sites.model.Paths;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput: ~50,000 small pages with no latency, pages/s for each mode, next to wrk's requests/s against one page
 * of the same server in the same run (raw HTTP with no parsing: the ceiling on this machine). Async runs twice more,
 * with {@code --warc} and with {@code --records full}: the rows beside its plain one are what keeping the pages costs.
 * Then each mode that speaks HTTP/2 runs again over h2c, with the connections the site accepted beside the threads.
 */
final class ThroughputScenario {
    static final int PAGES = 50_000;
    static final int CONCURRENCY = 64;
    static final int MAX_DEPTH = 8;
    static final int WARMUP_PAGES = 10_000;
    static final int WRK_SECONDS = 5;
    static final double TARGET_SHARE = 0.5;
    static final List<String> HEADERS = List.of("mode", "conc", "pages", "wall s", "pages/s", "of wrk", "cpu s",
            "peak threads", "peak heap MB", "connections", "outcome");

    private record Planned(Mode mode, boolean http2, ModeRun.Variant variant) {
        String label() {
            return variant == ModeRun.Variant.PLAIN ? ModeRun.label(mode, http2) : variant.label(mode);
        }
    }

    private ThroughputScenario() {
    }

    /** Every mode asked for over HTTP/1.1, then again over HTTP/2 each that speaks it (poll and selector do not). */
    private static List<Planned> planned(BenchContext ctx) {
        List<Planned> planned = new ArrayList<>();
        for (boolean http2 : List.of(false, true)) {
            for (Mode mode : Mode.values()) {
                if (ctx.runs(mode) && !(http2 && ModeVerticles.plainHttp11Only(mode))) {
                    planned.add(new Planned(mode, http2, ModeRun.Variant.PLAIN));
                    // what keeping the pages costs, measured on the mode that should lose least to it
                    if (mode == Mode.ASYNC && !http2) {
                        planned.add(new Planned(mode, false, ModeRun.Variant.WARC));
                        planned.add(new Planned(mode, false, ModeRun.Variant.FULL_RECORDS));
                    }
                }
            }
        }
        return planned;
    }

    static ScenarioResult run(BenchContext ctx) {
        int pages = ctx.scaled(PAGES, 10);
        Path dir = ctx.workDir().resolve("throughput");
        ctx.log().println("throughput: " + pages + " small pages, no latency, " + CONCURRENCY + " in flight");
        List<List<String>> rows = new ArrayList<>();
        JsonArray runs = new JsonArray();
        List<String> notes = new ArrayList<>();
        List<Double> nonBlocking = new ArrayList<>();
        Wrk.Rate wrk;
        try (SitesProcess sites = ModeRun.startSites(ctx, dir, "throughput", BenchWorlds.throughput(pages))) {
            String url = sites.baseUrls().values().iterator().next() + Paths.ordinary(1).substring(1);
            if (ctx.wrk()) {
                ctx.log().print("  wrk -t" + Wrk.THREADS + " -c" + Wrk.CONNECTIONS + " -d" + WRK_SECONDS + "s " + url + " ... ");
                ctx.log().flush();
                wrk = Wrk.measure(url, WRK_SECONDS);
                ctx.log().println(wrk.unavailable() == null ? RunFigures.num(wrk.requestsPerSecond(), 0) + " requests/s"
                        : wrk.unavailable());
            } else {
                wrk = Wrk.Rate.unavailable("wrk unavailable: not run (--no-wrk)");
            }
            rows.add(List.of("wrk (raw HTTP, one page)", Integer.toString(Wrk.CONNECTIONS), "-", "-",
                    wrk.unavailable() == null ? RunFigures.num(wrk.requestsPerSecond(), 0) : wrk.unavailable(),
                    "1.00", "-", "-", "-", "-", wrk.unavailable() == null ? "ok" : "unavailable"));
            for (Planned run : planned(ctx)) {
                Mode mode = run.mode();
                boolean http2 = run.http2();
                RunFigures f = ModeRun.run(ctx, sites, dir, mode, CONCURRENCY, MAX_DEPTH, ctx.scaled(WARMUP_PAGES, 10), 0,
                        http2, run.variant());
                double share = f.pagesPerSecond() / wrk.requestsPerSecond();
                runs.add(f.result().copy().put("shareOfWrk", Double.isNaN(share) ? null : share)
                        .put("keeps", run.label()));
                rows.add(List.of(run.label(), Integer.toString(f.result().getInteger("concurrency")),
                        f.failed() ? "-" : Long.toString(f.pages()),
                        RunFigures.num(f.wallSeconds(), 2), RunFigures.num(f.pagesPerSecond(), 0),
                        RunFigures.num(share, 2), RunFigures.num(f.cpuSeconds(), 1),
                        f.failed() ? "-" : Integer.toString(f.peakThreads()), RunFigures.num(f.peakHeapMb(), 0),
                        ModeRun.connections(f), f.outcome()));
                if (!f.failed()) {
                    notes.add(f.cpuLine());
                }
                if ((mode == Mode.ASYNC || mode == Mode.VIRTUAL) && !http2 && run.variant() == ModeRun.Variant.PLAIN
                        && !f.failed()) {
                    nonBlocking.add(share);
                }
            }
        }
        JsonObject wrkJson = new JsonObject().put("url", "one small page of the same server").put("threads", Wrk.THREADS)
                .put("connections", Wrk.CONNECTIONS).put("seconds", WRK_SECONDS)
                .put("requestsPerSecond", wrk.unavailable() == null ? wrk.requestsPerSecond() : null)
                .put("unavailable", wrk.unavailable());
        runs.add(new JsonObject().put("wrk", wrkJson));
        String target = "async and virtual reach at least " + (int) (TARGET_SHARE * 100) + "% of wrk's requests/s";
        Boolean met = wrk.unavailable() != null || nonBlocking.isEmpty() ? null
                : nonBlocking.stream().allMatch(s -> s >= TARGET_SHARE);
        String verdict = met == null ? (wrk.unavailable() != null ? wrk.unavailable() : "no async or virtual run")
                : "async and virtual reached " + String.join(" and ", nonBlocking.stream()
                        .map(s -> RunFigures.num(s * 100, 0) + "%").toList()) + " of wrk's rate";
        return new ScenarioResult("throughput", "Throughput: " + pages + " small pages, no latency, sites in a separate "
                + "process", HEADERS, rows, runs, target, met, verdict, notes);
    }
}
