package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.bus.FinishedAnswer;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlSetup;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.impl.clustered.ClusteredMessage;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event-bus messages and bytes per page between the nodes of a clustered crawl: three clustered Vert.x instances
 * in this JVM (a frontier that does not fetch, and two async fetcher nodes at {@value #PER_NODE} in flight) crawl
 * a small latency-bound world ({@value #SITES} sites x {@value #PAGES} pages, fixed {@value #LATENCY_MS} ms)
 * served by a separate, non-clustered Vert.x. An outbound interceptor on each node counts every message it sends
 * (requests, replies, publishes) and the size of its wire frame. The frontier fetches nothing, so every message
 * of the crawl's protocol crosses between nodes. Appends one JSON object (a label from the first argument) to
 * the file given as the second.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp crawler/target/crawler.jar:crawler/target/test-classes \
 *     dev.crawlcase.crawler.cluster.ClusterMessagesBench after crawler/results/cluster-messages.jsonl
 * </pre>
 */
public final class ClusterMessagesBench {
    private static final int PER_NODE = 4;
    private static final int SITES = 6;
    private static final int PAGES = 40;
    private static final int LATENCY_MS = 20;
    private static final long BOUND_S = 180;

    public static void main(String[] args) throws Exception {
        String label = args.length > 0 ? args[0] : "run";
        if (label.startsWith("sharded")) {
            sharded(label, Path.of(args.length > 1 ? args[1] : "crawler/target/cluster-messages.jsonl"));
            return;
        }
        Path out = Path.of(args.length > 1 ? args[1] : "crawler/target/cluster-messages.jsonl");
        Vertx sitesVertx = Vertx.vertx();
        List<Vertx> nodes = new ArrayList<>();
        try {
            FakeWorld world = get(FakeWorld.start(sitesVertx, WorldConfig.of(5,
                    BenchNodes.sites(SITES, PAGES, 4, LATENCY_MS))));
            Path dir = Files.createTempDirectory("cluster-messages");
            CrawlConfig config = ClusterFixtures.shortLeases(Mode.ASYNC, PER_NODE, dir).load(dir)
                    .withSeeds(world.seedUrls());
            CrawlSetup setup = new CrawlSetup(config);
            CrawlAddresses addresses = new CrawlAddresses("messages");
            String cluster = ClusterFixtures.uniqueClusterName();
            AtomicLong messages = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            List<Future<Void>> fetchers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Vertx node = get(ClusterVertx.start(ClusterFixtures.hazelcast(cluster), "127.0.0.1"));
                nodes.add(node);
                node.eventBus().addOutboundInterceptor(context -> {
                    messages.incrementAndGet();
                    if (context.message() instanceof ClusteredMessage<?, ?> m) {
                        bytes.addAndGet(m.encodeToWire().length());
                    }
                    context.next();
                });
                if (i < 2) {
                    fetchers.add(FetcherNode.run(node, Mode.ASYNC, setup.fetcherSettings(addresses, PER_NODE,
                            "fetcher-" + i)));
                }
            }
            Vertx frontier = nodes.get(2);
            CrawlReport report = get(new CrawlRunner(frontier, config, () -> 0, addresses, false).run());
            get(frontier.deployVerticle(new FinishedAnswer(addresses)));
            get(Future.all(fetchers));
            long pages = report.summary().pages();
            JsonObject row = new JsonObject().put("label", label).put("pages", pages)
                    .put("world", SITES + " sites x " + PAGES + " pages, fixed " + LATENCY_MS + " ms")
                    .put("nodes", "1 frontier (no fetching) + 2 async fetchers at " + PER_NODE)
                    .put("messages", messages.get()).put("bytes", bytes.get())
                    .put("messagesPerPage", BenchNodes.round((double) messages.get() / pages))
                    .put("bytesPerPage", BenchNodes.round((double) bytes.get() / pages));
            System.out.println(row.encode());
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, row.encode() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } finally {
            for (Vertx node : nodes) {
                get(node.close());
            }
            get(sitesVertx.close());
        }
    }

    /**
     * The same world on three equal nodes ({@code cluster --role node}), one part each, async at {@value #PER_NODE}:
     * counted are the event-bus messages that cross between nodes (hand-off batches, their acknowledgements, board
     * publishes once per other node, record batches to the writing node and their replies; not a node's own
     * lease exchanges, which stay in its JVM) plus every operation on the board's shared map, and with a label
     * ending in {@code -state} each operation on the journal copies' map twice (the write and its backup).
     */
    private static void sharded(String label, Path out) throws Exception {
        Vertx sitesVertx = Vertx.vertx();
        List<Vertx> nodes = new ArrayList<>();
        try {
            // "sharded-scaling...": the scaling bench's world (ClusterScalingBench: 48 sites x 25 pages at 250 ms, 2 per
            // host, 8 in flight per node), where the target of 0.2 messages per page applies
            boolean scaling = label.startsWith("sharded-scaling");
            int sites = scaling ? 48 : SITES;
            int pagesEach = scaling ? 25 : PAGES;
            int latencyMs = scaling ? 250 : LATENCY_MS;
            int perNode = scaling ? 8 : PER_NODE;
            FakeWorld world = get(FakeWorld.start(sitesVertx, WorldConfig.of(5,
                    BenchNodes.sites(sites, pagesEach, scaling ? 3 : 4, latencyMs))));
            Path dir = Files.createTempDirectory("cluster-messages");
            CrawlConfig config = (scaling ? TestConfig.crawl().mode(Mode.ASYNC).concurrency(perNode)
                    .perHostConcurrency(2).outputIn(dir) : ClusterFixtures.shortLeases(Mode.ASYNC, PER_NODE, dir))
                    .load(dir).withSeeds(world.seedUrls());
            CrawlAddresses addresses = new CrawlAddresses("messages-sharded");
            String cluster = ClusterFixtures.uniqueClusterName();
            CrossPartMessages counted = new CrossPartMessages(addresses, 3);
            List<dev.crawlcase.crawler.run.ShardedRun> runs = new ArrayList<>();
            List<Future<CrawlReport>> done = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Vertx node = get(ClusterVertx.start(ClusterFixtures.hazelcast(cluster), "127.0.0.1"));
                nodes.add(node);
                node.eventBus().addOutboundInterceptor(counted);
            }
            // "...-state": each node keeps its parts' states in a folder of its own, and ships their journals into
            // the cluster's map (a write and its backup per part per checkpoint)
            boolean kept = label.endsWith("-state");
            for (int i = 0; i < 3; i++) {
                var run = new dev.crawlcase.crawler.run.ShardedRun(nodes.get(i), config, () -> 0, addresses,
                        dev.crawlcase.crawler.shard.ShardMap.dealing(config.seeds(), 3),
                        kept ? dir.resolve("state-" + i) : null, "node" + i);
                runs.add(run);
                done.add(run.run(List.of(i)));
            }
            get(Future.all(done));
            CrawlReport report = done.get(0).result();
            long pages = report.summary().pages();
            long boardOps = runs.stream().mapToLong(dev.crawlcase.crawler.run.ShardedRun::boardOperations).sum();
            long journalOps = runs.stream().mapToLong(dev.crawlcase.crawler.run.ShardedRun::journalOperations).sum();
            // each journal operation counted twice: the write, and its synchronous backup on another member
            long total = counted.messages() + boardOps + 2 * journalOps;
            JsonObject row = new JsonObject().put("label", label).put("pages", pages)
                    .put("world", sites + " sites x " + pagesEach + " pages, fixed " + latencyMs + " ms")
                    .put("nodes", "3 equal nodes (--role node), async at " + perNode + " each")
                    .put("messages", total).put("busMessages", counted.messages())
                    .put("boardMapOperations", boardOps).put("journalMapOperations", journalOps)
                    .put("busMessagesByKind", new JsonObject(new java.util.TreeMap<String, Object>(counted.byKind())))
                    .put("bytes", counted.bytes())
                    .put("messagesPerPage", BenchNodes.round((double) total / pages))
                    .put("bytesPerPage", BenchNodes.round((double) counted.bytes() / pages));
            System.out.println(row.encode());
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, row.encode() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } finally {
            for (Vertx node : nodes) {
                get(node.close());
            }
            get(sitesVertx.close());
        }
    }

    private static <T> T get(Future<T> f) throws Exception {
        return BenchNodes.get(f, BOUND_S);
    }

    private ClusterMessagesBench() {
    }
}
