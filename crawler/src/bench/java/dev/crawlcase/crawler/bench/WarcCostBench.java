package dev.crawlcase.crawler.bench;

import dev.crawlcase.json.ConfigFile;
import dev.crawlcase.crawler.compare.SitesProcess;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlerVertx;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.RecordDetail;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What keeping the pages costs: the throughput world (small pages, no latency, the sites in a JVM of their own)
 * crawled in async mode at 64 in flight, plain, with {@code --warc}, with {@code --records full} and with both;
 * the variants interleaved, each repeated, after a warm-up crawl. Reports the median pages/s and CPU seconds of each
 * and the WARC bytes per page, and writes {@code OUT.json} (default {@code crawler/results/warc-cost.json}).
 *
 * <p>A benchmark in {@code crawler/src/bench}: compiled with the tests, never run by them. From the repository root:
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp crawler/target/crawler.jar:crawler/target/test-classes dev.crawlcase.crawler.bench.WarcCostBench \
 *     [PAGES] [REPEATS] [OUT.json]
 * </pre>
 */
public final class WarcCostBench {
    private record Variant(String name, boolean warc, RecordDetail detail) {
    }

    private static final List<Variant> VARIANTS = List.of(new Variant("plain", false, RecordDetail.BASIC),
            new Variant("--warc", true, RecordDetail.BASIC), new Variant("--records full", false, RecordDetail.FULL),
            new Variant("--warc --records full", true, RecordDetail.FULL));

    private WarcCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path out = Path.of(args.length > 2 ? args[2] : "crawler/results/warc-cost.json");
        Path work = Files.createTempDirectory("crawlcase-warc-cost");
        Path world = Files.writeString(work.resolve("sites.json"), BenchWorlds.throughput(pages).encode());
        Map<String, List<RunSummary>> runs = new LinkedHashMap<>();
        Map<String, Long> warcBytes = new LinkedHashMap<>();
        Vertx vertx = CrawlerVertx.create();
        try (SitesProcess sites = SitesProcess.start(ConfigFile.of(world), 1, 1)) {
            List<String> seeds = List.of(sites.baseUrls().values().iterator().next());
            crawl(vertx, config(seeds, work.resolve("warmup"), VARIANTS.get(3)));
            for (int r = 0; r < repeats; r++) {
                for (Variant v : VARIANTS) {
                    Path dir = work.resolve(v.name().replace(" ", "").replace("-", "") + r);
                    RunSummary s = crawl(vertx, config(seeds, dir, v));
                    runs.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(s);
                    if (v.warc()) {
                        warcBytes.put(v.name(), size(dir.resolve("warc")));
                    }
                    System.out.printf("%-24s %6d pages %7.0f pages/s %6.1f cpu s%n", v.name(), s.pages(),
                            s.pagesPerSecond(), s.cpuSeconds());
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        JsonArray rows = new JsonArray();
        double plain = median(runs.get("plain"), true);
        for (Variant v : VARIANTS) {
            List<RunSummary> s = runs.get(v.name());
            double rate = median(s, true);
            JsonObject row = new JsonObject().put("variant", v.name()).put("pages", s.get(0).pages())
                    .put("medianPagesPerSecond", Math.round(rate)).put("ofPlain", Math.round(rate / plain * 100) / 100.0)
                    .put("medianCpuSeconds", Math.round(median(s, false) * 10) / 10.0)
                    .put("pagesPerSecond", new JsonArray(s.stream().map(x -> Math.round(x.pagesPerSecond())).toList()));
            if (v.warc()) {
                row.put("warcBytesPerPage", warcBytes.get(v.name()) / Math.max(1, s.get(0).pages()));
            }
            rows.add(row);
        }
        JsonObject result = new JsonObject().put("pages", pages).put("repeats", repeats).put("mode", "async")
                .put("concurrency", 64).put("java", System.getProperty("java.version"))
                .put("cores", Runtime.getRuntime().availableProcessors()).put("rows", rows)
                .put("command", "java -cp crawler/target/crawler.jar:crawler/target/test-classes "
                        + "dev.crawlcase.crawler.bench.WarcCostBench " + pages + " " + repeats);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, result.encodePrettily() + "\n");
        System.out.println(result.encodePrettily());
    }

    private static CrawlConfig config(List<String> seeds, Path dir, Variant v) {
        CrawlConfig c = CrawlConfigLoader.parse("{}", "warc-cost", dir).withMode(Mode.ASYNC).withConcurrency(64)
                .withSeeds(seeds);
        CrawlConfig.Output o = new CrawlConfig.Output(dir.resolve("records.jsonl"), dir.resolve("summary.json"))
                .withRecordDetail(v.detail());
        return c.withOutput(v.warc() ? o.withWarc(dir.resolve("warc")) : o);
    }

    private static RunSummary crawl(Vertx vertx, CrawlConfig config) {
        return new CrawlRunner(vertx, config, () -> 0).run().toCompletionStage().toCompletableFuture().join().summary();
    }

    private static double median(List<RunSummary> runs, boolean rate) {
        double[] v = runs.stream().mapToDouble(s -> rate ? s.pagesPerSecond() : s.cpuSeconds()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
