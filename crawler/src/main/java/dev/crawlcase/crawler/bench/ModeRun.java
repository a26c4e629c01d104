package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.compare.SitesProcess;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.json.ConfigFile;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.List;

/** One crawl of a scenario in a child JVM against the scenario's sites process, logged as it goes. */
final class ModeRun {
    /** Generous limits: a crawl that takes longer is stuck; a memory probe needs ~10 s. */
    static final long CRAWL_TIMEOUT_S = 600;
    static final long PROBE_TIMEOUT_S = 120;
    static final int SITE_EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

    private ModeRun() {
    }

    /** The child's result plus what was run. */
    static RunFigures run(BenchContext ctx, SitesProcess sites, Path dir, Mode mode, int concurrency, int maxDepth,
                          long warmupPages, int probeInFlight) {
        return run(ctx, sites, dir, mode, concurrency, maxDepth, warmupPages, probeInFlight, false);
    }

    /**
     * Like the other, over HTTP/2 when {@code http2} (the sites must offer it). The result also says the HTTP version
     * asked for and the connections the sites accepted and the requests they saw over HTTP/2 during the child's run
     * (its warm-up included): what multiplexing changes.
     */
    static RunFigures run(BenchContext ctx, SitesProcess sites, Path dir, Mode mode, int concurrency, int maxDepth,
                          long warmupPages, int probeInFlight, boolean http2) {
        return run(ctx, sites, dir, mode, concurrency, maxDepth, warmupPages, probeInFlight, http2, Variant.PLAIN);
    }

    /**
     * What a crawl keeps besides its records, for the cost of keeping it: nothing, a WARC archive ({@code --warc}),
     * or full records ({@code --records full}).
     */
    enum Variant {
        PLAIN(""), WARC(" --warc"), FULL_RECORDS(" --records full");

        private final String flag;

        Variant(String flag) {
            this.flag = flag;
        }

        /** The row's name: the mode and the flag. */
        String label(Mode mode) {
            return mode.label() + flag;
        }

        JsonObject apply(JsonObject crawl, Path dir, String name) {
            JsonObject output = crawl.getJsonObject("output");
            switch (this) {
                case WARC -> output.put("warc", dir.resolve(name + "-warc").toAbsolutePath().toString());
                case FULL_RECORDS -> output.put("recordDetail", "full");
                default -> { }
            }
            return crawl;
        }
    }

    /** Like {@link #run(BenchContext, SitesProcess, Path, Mode, int, int, long, int)}, keeping what {@code v} keeps. */
    static RunFigures run(BenchContext ctx, SitesProcess sites, Path dir, Mode mode, int concurrency, int maxDepth,
                          long warmupPages, int probeInFlight, Variant variant) {
        return run(ctx, sites, dir, mode, concurrency, maxDepth, warmupPages, probeInFlight, false, variant);
    }

    /** Over HTTP/2 when {@code http2}, keeping what {@code variant} keeps. */
    static RunFigures run(BenchContext ctx, SitesProcess sites, Path dir, Mode mode, int concurrency, int maxDepth,
                          long warmupPages, int probeInFlight, boolean http2, Variant variant) {
        if (mode == Mode.SEQUENTIAL) {
            concurrency = 1; // one request at a time, whatever was asked
        }
        String name = mode.label() + "-" + concurrency + (http2 ? "-h2" : "") + (probeInFlight > 0 ? "-probe" : "")
                + (variant == Variant.PLAIN ? "" : "-" + variant.name().toLowerCase(java.util.Locale.ROOT));
        List<String> seeds = List.copyOf(sites.baseUrls().values());
        JsonObject crawl = variant.apply(BenchCrawl.config(mode, concurrency, maxDepth, seeds, dir, name, http2), dir,
                name);
        ctx.log().printf("  %-15s concurrency %-6d ... ",
                variant == Variant.PLAIN ? label(mode, http2) : variant.label(mode), concurrency);
        ctx.log().flush();
        double load = ProcStatus.loadAverage();
        long overflows = ProcStatus.listenOverflows();
        SitesProcess.Tally before = sites.counters();
        JsonObject result = ChildJvm.run(dir, name, crawl, warmupPages, probeInFlight,
                probeInFlight > 0 ? PROBE_TIMEOUT_S : CRAWL_TIMEOUT_S);
        long overflowsAfter = ProcStatus.listenOverflows();
        SitesProcess.Tally after = sites.counters();
        result.put("mode", mode.label()).put("concurrency", concurrency).put("warmupPages", warmupPages)
                .put("httpVersion", http2 ? "2" : "1.1")
                .put("connectionsOpened", after.connections() - before.connections())
                .put("http2Requests", after.http2Requests() - before.http2Requests())
                .put("loadAverageAtStart", Double.isNaN(load) ? null : load)
                .put("listenOverflows", overflows < 0 ? null : overflowsAfter - overflows);
        RunFigures figures = new RunFigures(result);
        ctx.log().println(figures.failed() ? figures.outcome()
                : probeInFlight > 0 ? "measured" : RunFigures.num(figures.wallSeconds(), 2) + " s, " + figures.pages() + " pages");
        return figures;
    }

    /** How a table row names a run: the mode, with "h2" for a run over HTTP/2. */
    static String label(Mode mode, boolean http2) {
        return mode.label() + (http2 ? " h2" : "");
    }

    /** The connections the sites accepted during a run, as a table cell. */
    static String connections(RunFigures f) {
        Long n = f.result().getLong("connectionsOpened");
        return n == null ? "-" : Long.toString(n);
    }

    /**
     * Writes the world, starts its sites process and renders every page before anything is measured. The site is
     * served from one event loop per core, so that one server thread (for 10,000 connections) is not what a scenario
     * measures. On 2 cores this costs wrk: its two threads then share the cores with two server threads, which the
     * README's Benchmarks section says, with the figures, beside the table.
     */
    static SitesProcess startSites(BenchContext ctx, Path dir, String name, JsonObject world) {
        Path file = BenchWorlds.write(dir, name, world);
        ctx.log().print("  starting the sites (" + file + ") ... ");
        ctx.log().flush();
        SitesProcess sites = SitesProcess.start(ConfigFile.of(file), 1, SITE_EVENT_LOOPS);
        sites.warm();
        ctx.log().println("ready");
        return sites;
    }
}
