package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.compare.IdealModel;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.GroundTruth;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scaling bench of equal nodes ({@code cluster --role node}): 1 to {@value #MAX_NODES} node JVMs, async at
 * {@value #PER_NODE} requests in flight each, on {@value #SITES} sites x {@value #PAGES} pages at a fixed
 * {@value #LATENCY_MS} ms per response with at most {@value #PER_HOST} requests per host, served from this JVM.
 * Node counts run interleaved ({@code 1..N, 1..N, ...}), so a slow spell of the machine does not fall on one count.
 * For each run: the crawl's wall time (from the merging node's summary: from the moment its part starts, the seeds
 * given to the last node to join, to the merged records file), pages/s, the CPU seconds of every node JVM (from
 * each part's section of the summary), the machine's busy and steal share over the run (/proc/stat), and the ideal
 * makespan of one process at the nodes' total concurrency (compare's simulator: no overheads; the sharded crawl
 * also splits the hosts unevenly, so its real floor is higher). Writes {@code crawler/target/cluster-scaling.json};
 * the figures the README quotes are in {@code crawler/results/cluster-scaling.json}.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp crawler/target/crawler.jar:crawler/target/test-classes dev.crawlcase.crawler.cluster.ClusterScalingBench [REPS]
 * </pre>
 */
public final class ClusterScalingBench {
    private static final int SITES = 48;
    private static final int PAGES = 25;
    private static final int LATENCY_MS = 250;
    private static final int PER_HOST = 2;
    private static final int PER_NODE = 8;
    private static final int MAX_NODES = 4;
    private static final long BOUND_S = 300;

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Vertx sitesVertx = Vertx.vertx();
        try {
            FakeWorld world = BenchNodes.get(FakeWorld.start(sitesVertx, WorldConfig.of(48,
                    BenchNodes.sites(SITES, PAGES, 3, LATENCY_MS))), 60);
            JsonArray runs = new JsonArray();
            for (int rep = 0; rep < reps; rep++) {
                for (int nodes = 1; nodes <= MAX_NODES; nodes++) {
                    JsonObject run = run(world, nodes);
                    System.out.println(run.encode());
                    runs.add(run);
                }
            }
            BenchNodes.write("cluster-scaling.json", new JsonObject()
                    .put("world", SITES + " sites x " + PAGES + " pages, fixed " + LATENCY_MS + " ms, per host "
                            + PER_HOST)
                    .put("nodes", "N node JVMs (cluster --role node --nodes N), async at " + PER_NODE + " each")
                    .put("runs", runs));
        } finally {
            BenchNodes.get(sitesVertx.close(), 60);
        }
    }

    private static JsonObject run(FakeWorld world, int nodes) throws Exception {
        Path dir = Files.createTempDirectory("cluster-scaling");
        TestConfig test = TestConfig.crawl().mode(Mode.ASYNC).concurrency(PER_NODE).perHostConcurrency(PER_HOST)
                .outputIn(dir);
        Path crawlJson = test.writeTo(dir.resolve("crawl.json"));
        CrawlConfig crawl = test.load(dir);
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<CrawlerProcess> started = new ArrayList<>();
        try {
            started.addAll(BenchNodes.start(dir, nodes, List.of("--config", crawlJson.toString(), "--cluster-config",
                    clusterXml.toString(), "--crawl-id", "scaling"), world.seedUrls(), BOUND_S));
            CpuTicks before = CpuTicks.now();
            for (CrawlerProcess node : started) {
                if (node.exitCode(BOUND_S) != 0) {
                    throw new IllegalStateException("a node failed:\n" + node.output());
                }
            }
            CpuTicks machine = CpuTicks.now().since(before);
            JsonObject summary = new JsonObject(Files.readString(dir.resolve("summary.json")));
            double nodeCpu = 0;
            JsonArray partPages = new JsonArray();
            for (Object part : summary.getJsonArray("parts")) {
                nodeCpu += ((JsonObject) part).getDouble("cpuSeconds", 0.0);
                partPages.add(((JsonObject) part).getLong("pages"));
            }
            // the model of the README: the crawl lasts about as long as its largest part (hosts per part: the seeds'
            // hosts are dealt to the parts as the nodes deal them)
            ShardMap map = ShardMap.dealing(world.seedUrls(), nodes);
            int[] hosts = new int[nodes];
            world.seedUrls().forEach(u -> hosts[map.shardOf(HostKey.of(u))]++);
            JsonArray partHosts = new JsonArray();
            for (int h : hosts) {
                partHosts.add(h);
            }
            IdealModel ideal = new IdealModel(world.plan(), crawl);
            GroundTruth truth = ideal.groundTruth();
            double idealSeconds = ideal.idealSeconds(truth, PER_NODE * nodes);
            double wall = summary.getDouble("wallSeconds");
            return new JsonObject().put("nodes", nodes).put("pages", summary.getLong("pages"))
                    .put("wallSeconds", wall).put("pagesPerSecond", summary.getDouble("pagesPerSecond"))
                    .put("idealSeconds", BenchNodes.round(idealSeconds))
                    .put("xIdeal", BenchNodes.round(wall / idealSeconds))
                    .put("nodeCpuSeconds", BenchNodes.round(nodeCpu)).put("partHosts", partHosts)
                    .put("partPages", partPages).put("machineBusy", BenchNodes.round(machine.busyShare()))
                    .put("machineSteal", BenchNodes.round(machine.stealShare()));
        } finally {
            started.forEach(CrawlerProcess::close);
        }
    }

    /** The machine's CPU time from the first line of /proc/stat, in ticks: busy, steal and all. */
    private record CpuTicks(long busy, long steal, long total) {
        static CpuTicks now() throws Exception {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq;
            return new CpuTicks(busy, steal, busy + idle + iowait + steal);
        }

        CpuTicks since(CpuTicks earlier) {
            return new CpuTicks(busy - earlier.busy, steal - earlier.steal, total - earlier.total);
        }

        double busyShare() {
            return total == 0 ? 0 : (double) busy / total;
        }

        double stealShare() {
            return total == 0 ? 0 : (double) steal / total;
        }
    }

    private ClusterScalingBench() {
    }
}
