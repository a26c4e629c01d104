package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One, two and three fetcher JVMs (async, {@value #PER_NODE} requests in flight each) against one frontier JVM on
 * a latency-bound world (3 sites, 200 pages each, 50 ms per response, no faults) served from this JVM. For each
 * run the fetchers join first, then the frontier starts the crawl; the frontier's summary gives the crawl's wall
 * time and pages/s (the frontier JVM's own start-up is left out), with the peak in flight and the median fetch
 * time: each page also costs a round trip (its outcome and the next ask) over the clustered event bus, and on a
 * machine with few cores the JVMs compete for CPU, so expect less than linear scaling there. Writes
 * {@code crawler/target/cluster-bench.json} (the figures quoted in the README are in
 * {@code crawler/results/cluster-bench.json}).
 *
 * <p>A benchmark, not a test: it lives in {@code crawler/src/bench}, which the build compiles with the tests (into
 * {@code test-classes}, beside the fixtures it uses) and never runs. Run it from the repository root:
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp crawler/target/crawler.jar:crawler/target/test-classes dev.crawlcase.crawler.cluster.ClusterBench
 * </pre>
 */
public final class ClusterBench {
    private static final int PER_NODE = 4;
    private static final long BOUND_S = 180;

    public static void main(String[] args) throws Exception {
        Vertx sitesVertx = Vertx.vertx();
        try {
            FakeWorld world = FakeWorld.start(sitesVertx, WorldConfig.of(3,
                            site("a"), site("b"), site("c")))
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            JsonArray runs = new JsonArray();
            for (int fetchers = 1; fetchers <= 3; fetchers++) {
                JsonObject run = run(world, fetchers);
                System.out.println(run.encode());
                runs.add(run);
            }
            Path out = Path.of("crawler", "target", "cluster-bench.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, new JsonObject().put("perNodeConcurrency", PER_NODE).put("mode", "async")
                    .put("world", "3 sites x 200 pages, fixed 50 ms").put("runs", runs).encodePrettily());
            System.out.println("written: " + out);
        } finally {
            sitesVertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    private static SiteSpec site(String name) {
        return SiteSpec.named(name).withPages(200, 5).withLatency(Distribution.fixed(50));
    }

    private static JsonObject run(FakeWorld world, int fetchers) throws Exception {
        Path dir = Files.createTempDirectory("cluster-bench");
        Path crawlJson = ClusterFixtures.shortLeases(Mode.ASYNC, PER_NODE, dir).writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<CrawlerProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < fetchers; i++) {
                CrawlerProcess f = CrawlerProcess.start(dir, "fetcher-" + i, List.of("cluster", "--role", "fetcher",
                        "--config", crawlJson.toString(), "--cluster-config", clusterXml.toString()));
                nodes.add(f);
                f.awaitOutput(BOUND_S, "joined");
            }
            List<String> args = new ArrayList<>(List.of("cluster", "--role", "frontier", "--quiet", "--config",
                    crawlJson.toString(), "--cluster-config", clusterXml.toString()));
            args.addAll(world.seedUrls());
            CrawlerProcess frontier = CrawlerProcess.start(dir, "frontier", args);
            nodes.add(frontier);
            if (frontier.exitCode(BOUND_S) != 0) {
                throw new IllegalStateException("frontier failed:\n" + frontier.output());
            }
            JsonObject summary = new JsonObject(Files.readString(dir.resolve("summary.json")));
            return new JsonObject().put("fetchers", fetchers).put("pages", summary.getLong("pages"))
                    .put("wallSeconds", summary.getDouble("wallSeconds"))
                    .put("pagesPerSecond", summary.getDouble("pagesPerSecond"))
                    .put("peakInFlight", summary.getLong("peakInFlight"))
                    .put("fetchP50Ms", summary.getJsonObject("fetchLatencyMs").getValue("p50"));
        } finally {
            nodes.forEach(CrawlerProcess::close);
        }
    }

    private ClusterBench() {
    }
}
