package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.compare.SitesProcess;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.sites.config.WorldConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parse-bound: a site of large pages (~450 KB, 2,000-4,000 links each) with no latency. MB/s crawled for each mode
 * against the parse ceiling: the crawler's own parse step on the same pages, measured in the same run, on one
 * thread and on every core.
 */
final class ParseScenario {
    static final int PAGES = 300;
    static final int CONCURRENCY = 16;
    static final int MAX_DEPTH = 8;
    static final long CEILING_MS = 5_000;
    static final double TARGET_SHARE = 0.8;
    static final List<String> HEADERS = List.of("mode", "conc", "pages", "MB", "wall s", "MB/s", "of ceiling",
            "cpu s", "peak heap MB", "outcome");

    private ParseScenario() {
    }

    static ScenarioResult run(BenchContext ctx) throws Exception {
        int pages = ctx.scaled(PAGES, 10);
        int cores = Runtime.getRuntime().availableProcessors();
        Path dir = ctx.workDir().resolve("parse");
        ctx.log().println("parse: " + pages + " large pages, no latency, " + CONCURRENCY + " in flight");
        List<List<String>> rows = new ArrayList<>();
        JsonArray runs = new JsonArray();
        List<String> judged = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean allMet = true;
        JsonObject world = BenchWorlds.parse(pages);
        try (SitesProcess sites = ModeRun.startSites(ctx, dir, "parse", world)) {
            ParseCeiling ceiling = new ParseCeiling(WorldConfigLoader.parse(world.encode()), sites.baseUrls());
            ctx.log().print("  parse ceiling (" + ceiling.pages() + " pages, "
                    + RunFigures.num(ceiling.totalBytes() / RunFigures.MB, 0) + " MB) ... ");
            ctx.log().flush();
            double all = ceiling.mbPerSecond(cores, CEILING_MS);
            double single = ceiling.mbPerSecond(1, CEILING_MS);
            double jsoup = ceiling.jsoupMbPerSecond(cores, CEILING_MS);
            ctx.log().println(RunFigures.num(all, 1) + " MB/s on " + cores + " threads, " + RunFigures.num(single, 1)
                    + " on 1; jsoup alone " + RunFigures.num(jsoup, 1) + " on " + cores);
            runs.add(new JsonObject().put("ceiling", new JsonObject().put("pages", ceiling.pages())
                    .put("bytes", ceiling.totalBytes()).put("mbPerSecond1Thread", single)
                    .put("mbPerSecondAllCores", all).put("jsoupAloneMbPerSecondAllCores", jsoup).put("cores", cores)));
            rows.add(ceilingRow("jsoup parse alone, " + cores + " thr", cores, jsoup, all));
            rows.add(ceilingRow("parse ceiling, 1 thread", 1, single, all));
            rows.add(ceilingRow("parse ceiling, " + cores + " threads", cores, all, all));
            for (Mode mode : Mode.values()) {
                if (!ctx.runs(mode)) {
                    continue;
                }
                RunFigures f = ModeRun.run(ctx, sites, dir, mode, CONCURRENCY, MAX_DEPTH, pages, 0);
                double mbs = f.bytes() / RunFigures.MB / f.wallSeconds();
                double share = mbs / all;
                runs.add(f.result().copy().put("mbPerSecond", f.failed() ? null : mbs)
                        .put("shareOfCeiling", f.failed() ? null : share));
                rows.add(List.of(mode.label(), Integer.toString(f.result().getInteger("concurrency")),
                        f.failed() ? "-" : Long.toString(f.pages()), RunFigures.num(f.bytes() / RunFigures.MB, 0),
                        RunFigures.num(f.wallSeconds(), 2), RunFigures.num(mbs, 1), RunFigures.num(share, 2),
                        RunFigures.num(f.cpuSeconds(), 1), RunFigures.num(f.peakHeapMb(), 0), f.outcome()));
                if (!f.failed()) {
                    notes.add(f.cpuLine());
                }
                if (mode == Mode.ASYNC || mode == Mode.VIRTUAL) {
                    judged.add(mode.label() + " " + RunFigures.num(share * 100, 0) + "%");
                    allMet &= !f.failed() && share >= TARGET_SHARE;
                }
            }
        }
        String target = "async and virtual crawl at least " + (int) (TARGET_SHARE * 100) + "% of the parse ceiling on "
                + cores + " cores (the " + cores + "-thread figure)";
        Boolean met = judged.isEmpty() ? null : allMet;
        String verdict = judged.isEmpty() ? "no async or virtual run" : String.join(", ", judged) + " of the ceiling";
        return new ScenarioResult("parse", "Parse-bound: " + pages + " pages of ~450 KB with 2,000-4,000 links each, "
                + "no latency", HEADERS, rows, runs, target, met, verdict, notes);
    }

    private static List<String> ceilingRow(String label, int threads, double mbs, double all) {
        return List.of(label, Integer.toString(threads), "-", "-", "-", RunFigures.num(mbs, 1),
                RunFigures.num(mbs / all, 2), "-", "-", "ok");
    }
}
