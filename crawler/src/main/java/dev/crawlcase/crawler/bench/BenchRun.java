package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlerVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One benchmark crawl in a JVM of its own (started by {@link ChildJvm}), so that its threads, heap and peak resident
 * set size are its alone and a mode that fails (a thread-pool that cannot create its threads) fails only here.
 * Arguments: {@code CRAWL_JSON RESULT_JSON WARMUP_PAGES PROBE_IN_FLIGHT}. With {@code WARMUP_PAGES > 0} an
 * unmeasured crawl of that many pages runs first, repeated until the JIT has settled ({@link JitWarmup}). With
 * {@code PROBE_IN_FLIGHT > 0} the crawl is measured by a {@link MemoryProbe} instead and abandoned once it has its two samples. Writes
 * {@code {summary, cpuBreakdown, warmupRounds, jitSecondsDuringRun, peakRssBytes}} (or {@code probe} instead of the
 * summary and breakdown); exits 0, or 1 with the error on stderr.
 */
public final class BenchRun {
    private BenchRun() {
    }

    public static void main(String[] args) throws IOException {
        CrawlConfig config = CrawlConfigLoader.load(Path.of(args[0]));
        Path resultFile = Path.of(args[1]);
        long warmupPages = Long.parseLong(args[2]);
        int probeInFlight = Integer.parseInt(args[3]);
        JsonObject result = new JsonObject();
        JitWarmup jit = new JitWarmup();
        if (warmupPages > 0) {
            CrawlConfig.Output out = config.output();
            CrawlConfig warmup = config.withLimits(config.maxDepth(), warmupPages).withOutput(new CrawlConfig.Output(
                    sibling(out.records(), "warmup-"), sibling(out.summary(), "warmup-")));
            result.put("warmupRounds", jit.run(() -> crawl(warmup, 0)));
        }
        long compileBefore = jit.compileMillis();
        result.mergeIn(crawl(config, probeInFlight));
        if (compileBefore >= 0) {
            result.put("jitSecondsDuringRun", (jit.compileMillis() - compileBefore) / 1000.0);
        }
        result.put("peakRssBytes", ProcStatus.peakRssBytes());
        Files.writeString(resultFile, result.encodePrettily(), StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static JsonObject crawl(CrawlConfig config, int probeInFlight) {
        Vertx vertx = CrawlerVertx.create();
        CrawlRunner runner = new CrawlRunner(vertx, config, () -> 0);
        Future<JsonObject> probe = probeInFlight > 0
                ? new MemoryProbe(vertx, probeInFlight).watch(runner.addresses().progress()) : null;
        CpuBreakdown cpu = new CpuBreakdown();
        Future<JsonObject> crawl = runner.run().map(report -> new JsonObject().put("summary", report.summary().toJson()));
        if (probe != null) {
            // the crawl is abandoned: the process exits once the result is written
            return join(probe.map(p -> new JsonObject().put("probe", p)));
        }
        JsonObject result = join(crawl).put("cpuBreakdown", cpu.finish());
        join(vertx.close());
        return result;
    }

    private static <T> T join(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static Path sibling(Path file, String prefix) {
        return file.resolveSibling(prefix + file.getFileName());
    }
}
