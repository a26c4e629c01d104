package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The time a sharded crawl takes to recover from a SIGKILL: {@value #NODES} node JVMs ({@code cluster --role node
 * --state DIR}, async at {@value #PER_NODE} in flight each) on {@value #SITES} sites x {@value #PAGES} pages at a
 * fixed {@value #LATENCY_MS} ms, served from this JVM, which counts the requests as they arrive. Once a third of the
 * pages are fetched, the node of one part other than 0 is killed. Measured, from the sites' own counts (sampled every
 * {@value #SAMPLE_MS} ms): the crawl's rate over the {@value #WINDOW_MS} ms before the kill; the time from the kill to
 * the first request to a host of the killed part (its node declared dead, its lock freed, its state taken over and
 * resumed by another node); and the time from the kill until the rate over a {@value #WINDOW_MS} ms window is back
 * to the rate before it. Writes {@code crawler/target/cluster-recovery.json}; the figures the README quotes are in
 * {@code crawler/results/cluster-recovery.json}.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp crawler/target/crawler.jar:crawler/target/test-classes dev.crawlcase.crawler.cluster.ClusterRecoveryBench [REPS]
 * </pre>
 */
public final class ClusterRecoveryBench {
    private static final int SITES = 48;
    private static final int PAGES = 25;
    private static final int LATENCY_MS = 250;
    private static final int PER_HOST = 2;
    private static final int PER_NODE = 8;
    private static final int NODES = 3;
    private static final long SAMPLE_MS = 100;
    private static final long WINDOW_MS = 2_000;
    private static final long BOUND_S = 300;

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        // "own": each node with a state folder and output files of its own (no folder shared: the killed part is
        // rebuilt from the cluster's copy of its journal)
        boolean own = args.length > 1 && args[1].equals("own");
        Vertx sitesVertx = Vertx.vertx();
        try {
            JsonArray runs = new JsonArray();
            for (int rep = 0; rep < reps; rep++) {
                // a fresh world each time: the counts start at zero
                FakeWorld world = BenchNodes.get(FakeWorld.start(sitesVertx, WorldConfig.of(48 + rep,
                        BenchNodes.sites(SITES, PAGES, 3, LATENCY_MS))), 60);
                JsonObject run = run(world, own);
                System.out.println(run.encode());
                runs.add(run);
                BenchNodes.get(world.close(), 60);
            }
            BenchNodes.write(own ? "cluster-recovery-own.json" : "cluster-recovery.json", new JsonObject()
                    .put("world", SITES + " sites x " + PAGES + " pages, fixed " + LATENCY_MS + " ms, per host "
                            + PER_HOST)
                    .put("nodes", NODES + " node JVMs (cluster --role node --state DIR" + (own ? ", each its own" : "")
                            + "), async at " + PER_NODE
                            + " each; the node of one part other than 0 killed (SIGKILL) at a third of the pages")
                    .put("runs", runs));
        } finally {
            BenchNodes.get(sitesVertx.close(), 60);
        }
    }

    private static JsonObject run(FakeWorld world, boolean own) throws Exception {
        Path dir = Files.createTempDirectory("cluster-recovery");
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(PER_NODE).perHostConcurrency(PER_HOST)
                .outputIn(dir).writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        ShardMap map = ShardMap.dealing(world.seedUrls(), NODES);
        int victimPart = world.seedUrls().stream().mapToInt(u -> map.shardOf(HostKey.of(u))).filter(p -> p != 0)
                .findFirst().orElseThrow();
        Set<String> victimHosts = world.seedUrls().stream().filter(u -> map.shardOf(HostKey.of(u)) == victimPart)
                .map(HostKey::of).collect(Collectors.toSet());
        int total = SITES * PAGES;
        List<CrawlerProcess> started = new ArrayList<>();
        try {
            started.addAll(BenchNodes.start(dir, NODES, i -> {
                List<String> args = new ArrayList<>(List.of("--config", crawlJson.toString(), "--cluster-config",
                        clusterXml.toString(), "--crawl-id", "recovery"));
                Path folder = own ? dir.resolve("node-" + i) : dir;
                args.addAll(List.of("--state", folder.resolve("state").toString()));
                if (own) {
                    args.addAll(List.of("--out", folder.resolve("records.jsonl").toString(), "--summary",
                            folder.resolve("summary.json").toString()));
                }
                return args;
            }, world.seedUrls(), BOUND_S));
            CrawlerProcess victim = started.stream().filter(n -> n.output().contains("node: part " + victimPart
                    + " of ")).findFirst().orElseThrow();
            Samples samples = new Samples();
            while (world.counters().totalRequests() < total / 3) {
                samples.take(world, victimHosts);
                Thread.sleep(SAMPLE_MS);
            }
            samples.take(world, victimHosts);
            long killedAt = System.nanoTime();
            double before = samples.rate(killedAt - WINDOW_MS * 1_000_000, killedAt);
            long victimRequests = samples.last().victimRequests();
            victim.kill();
            Double takenOverS = null;
            Double recoveredS = null;
            while (started.stream().filter(n -> n != victim).anyMatch(CrawlerProcess::isAlive)
                    && (takenOverS == null || recoveredS == null)) {
                Thread.sleep(SAMPLE_MS);
                Sample now = samples.take(world, victimHosts);
                double since = (now.nanos() - killedAt) / 1e9;
                if (takenOverS == null && now.victimRequests() > victimRequests) {
                    takenOverS = since;
                }
                if (recoveredS == null && now.nanos() - killedAt >= WINDOW_MS * 1_000_000
                        && samples.rate(now.nanos() - WINDOW_MS * 1_000_000, now.nanos()) >= before) {
                    recoveredS = since;
                }
            }
            for (CrawlerProcess node : started) {
                if (node != victim && node.exitCode(BOUND_S) != 0) {
                    throw new IllegalStateException("a node failed:\n" + node.output());
                }
            }
            Path summaryFile = own ? java.util.stream.IntStream.range(0, NODES)
                    .mapToObj(i -> dir.resolve("node-" + i).resolve("summary.json")).filter(Files::exists)
                    .findFirst().orElseThrow() : dir.resolve("summary.json");
            JsonObject summary = new JsonObject(Files.readString(summaryFile));
            return new JsonObject().put("pages", summary.getLong("pages"))
                    .put("wallSeconds", summary.getDouble("wallSeconds"))
                    .put("killedPart", victimPart).put("hostsOfKilledPart", victimHosts.size())
                    .put("requestsPerSecondBefore", BenchNodes.round(before))
                    .put("secondsToTakeOver", takenOverS == null ? null : BenchNodes.round(takenOverS))
                    .put("secondsToRecoverRate", recoveredS == null ? null : BenchNodes.round(recoveredS));
        } finally {
            started.forEach(CrawlerProcess::close);
        }
    }

    /** All requests and those to the killed part's hosts, at a moment. */
    private record Sample(long nanos, long requests, long victimRequests) {
    }

    private static final class Samples {
        private final List<Sample> taken = new ArrayList<>();

        Sample take(FakeWorld world, Set<String> victimHosts) {
            long victim = world.counters().requestsPerUrl().entrySet().stream()
                    .filter(e -> victimHosts.contains(HostKey.of(e.getKey()))).mapToLong(e -> e.getValue()).sum();
            Sample s = new Sample(System.nanoTime(), world.counters().totalRequests(), victim);
            taken.add(s);
            return s;
        }

        Sample last() {
            return taken.get(taken.size() - 1);
        }

        /** Requests per second between the last samples at or before {@code from} and {@code to}. */
        double rate(long from, long to) {
            Sample a = taken.get(0);
            Sample b = a;
            for (Sample s : taken) {
                if (s.nanos() <= from) {
                    a = s;
                }
                if (s.nanos() <= to) {
                    b = s;
                }
            }
            return b.nanos() == a.nanos() ? 0 : (b.requests() - a.requests()) / ((b.nanos() - a.nanos()) / 1e9);
        }
    }

    private ClusterRecoveryBench() {
    }
}
