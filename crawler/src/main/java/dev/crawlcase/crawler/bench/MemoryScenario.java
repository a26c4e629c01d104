package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.compare.SitesProcess;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory per queued URL and per request in flight, for each mode. The world's root links to ~20,000 pages and every
 * response takes 3 s, so once the root is fetched the crawl holds still for 3 s with everything queued and exactly
 * the concurrency in flight. A {@link MemoryProbe} samples live heap (after a full GC) and RSS before the root
 * arrives and in that still moment. A crawl at concurrency 1 gives the cost per queued URL (same in-flight count in
 * both samples); one at {@value #IN_FLIGHT} gives, after the queued URLs' share is taken out, the cost per request in
 * flight. Thread stacks are not heap: for the thread-pool they show in RSS only.
 */
final class MemoryScenario {
    static final int PAGES = 20_000;
    static final int IN_FLIGHT = 2_000;
    static final int MAX_DEPTH = 2;
    static final List<String> HEADERS = List.of("mode", "queued", "in flight", "heap B / queued URL",
            "heap B / in flight", "RSS B / in flight", "outcome");

    private MemoryScenario() {
    }

    static ScenarioResult run(BenchContext ctx) {
        int pages = ctx.scaled(PAGES, 10);
        int inFlight = ctx.scaled(IN_FLIGHT, 4);
        Path dir = ctx.workDir().resolve("memory");
        ctx.log().println("memory: root linking to " + pages + " pages at 3 s each; concurrency 1 and " + inFlight);
        List<List<String>> rows = new ArrayList<>();
        JsonArray runs = new JsonArray();
        try (SitesProcess sites = ModeRun.startSites(ctx, dir, "memory", BenchWorlds.memory(pages))) {
            for (Mode mode : Mode.values()) {
                if (!ctx.runs(mode)) {
                    continue;
                }
                RunFigures queuedRun = ModeRun.run(ctx, sites, dir, mode, 1, MAX_DEPTH, 0, 1);
                RunFigures loadedRun = mode == Mode.SEQUENTIAL ? null
                        : ModeRun.run(ctx, sites, dir, mode, inFlight, MAX_DEPTH, 0, inFlight);
                PerUnit cost = PerUnit.of(queuedRun, loadedRun);
                runs.add(new JsonObject().put("mode", mode.label()).put("queuedRun", queuedRun.result())
                        .put("loadedRun", loadedRun == null ? null : loadedRun.result()).put("perUnit", cost.toJson()));
                rows.add(List.of(mode.label(), cost.queued() < 0 ? "-" : Long.toString(cost.queued()),
                        cost.inFlight() < 0 ? "-" : Long.toString(cost.inFlight()),
                        RunFigures.num(cost.heapPerQueued(), 0), RunFigures.num(cost.heapPerInFlight(), 0),
                        RunFigures.num(cost.rssPerInFlight(), 0), cost.outcome()));
            }
        }
        return new ScenarioResult("memory", "Memory: cost of a queued URL and of a request in flight (root linking to "
                + pages + " pages, 3 s per response)", HEADERS, rows, runs, "(measurement only, no target)", null,
                "see the table", List.of("heap is live heap after a full GC; RSS is noisier (the JVM keeps memory it "
                + "once used), it shows native costs such as thread stacks and direct buffers"));
    }

    /** The per-unit costs from a run at concurrency 1 and, if any, a run at high concurrency. */
    record PerUnit(long queued, long inFlight, double heapPerQueued, double heapPerInFlight, double rssPerInFlight,
                   String outcome) {

        static PerUnit of(RunFigures queuedRun, RunFigures loadedRun) {
            if (queuedRun.failed() || loadedRun != null && loadedRun.failed()) {
                String why = queuedRun.failed() ? queuedRun.outcome() : loadedRun.outcome();
                return new PerUnit(-1, -1, Double.NaN, Double.NaN, Double.NaN, why);
            }
            Delta q = Delta.of(queuedRun);
            double heapPerQueued = q.heap() / q.queued();
            double rssPerQueued = q.rss() / q.queued();
            if (loadedRun == null) {
                return new PerUnit(q.queuedAtLoad(), q.inFlightAtLoad(), heapPerQueued, Double.NaN, Double.NaN, "ok");
            }
            Delta l = Delta.of(loadedRun);
            return new PerUnit(l.queuedAtLoad(), l.inFlightAtLoad(), heapPerQueued,
                    (l.heap() - heapPerQueued * l.queued()) / l.inFlight(),
                    (l.rss() - rssPerQueued * l.queued()) / l.inFlight(), "ok");
        }

        JsonObject toJson() {
            return new JsonObject().put("queued", queued).put("inFlight", inFlight)
                    .put("heapBytesPerQueuedUrl", finite(heapPerQueued)).put("heapBytesPerInFlight", finite(heapPerInFlight))
                    .put("rssBytesPerInFlight", finite(rssPerInFlight)).put("outcome", outcome);
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /** Loaded sample minus baseline sample of one probe run. */
    record Delta(double heap, double rss, double queued, double inFlight, long queuedAtLoad, long inFlightAtLoad) {
        static Delta of(RunFigures run) {
            JsonObject probe = run.result().getJsonObject("probe");
            JsonObject b = probe.getJsonObject("baseline");
            JsonObject l = probe.getJsonObject("loaded");
            return new Delta(l.getLong("heapBytes") - b.getLong("heapBytes"), l.getLong("rssBytes") - b.getLong("rssBytes"),
                    l.getLong("queued") - b.getLong("queued"), l.getLong("inFlight") - b.getLong("inFlight"),
                    l.getLong("queued"), l.getLong("inFlight"));
        }
    }
}
