package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlNodes;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.ShardedRun;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.Tags;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clustered Vert.x instances in one JVM with a shared state folder: the first runs both parts of a crawl, the
 * second joins it with none (no part free) and waits. The first hands a part over once its fetches in flight ended
 * and its state is closed; the second takes it over as a dead node's part is taken, and runs it to its end. The
 * crawl's one records file holds the ground truth, once each, every page was requested once (no fetch of the
 * giver's was abandoned and asked again), and no host ever had two requests in flight.
 */
@Tag(Tags.NEWEST_JDK)
class PartHandOverTest {
    private static final long BOUND_S = 120;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aNodeThatJoinsWithNoPartFreeIsHandedOneAndRunsIt() {
        List<SiteSpec> specs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            specs.add(SiteSpec.named("h" + i).withPages(60, 3).withLatency(Distribution.fixed(40)));
        }
        FakeWorld world = await(FakeWorld.start(kit.vertx(), WorldConfig.of(41, specs.toArray(SiteSpec[]::new))));
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).perHostConcurrency(1).delayMs(50)
                .timeouts(20_000, 30_000, 60_000).outputIn(dir).load(dir).withSeeds(world.seedUrls());
        String cluster = ClusterFixtures.uniqueClusterName();
        CrawlAddresses crawl = new CrawlAddresses("handed");
        ShardMap map = ShardMap.dealing(world.seedUrls(), 2);
        Path state = dir.resolve("state");
        Queue<String> said = new ConcurrentLinkedQueue<>();

        Vertx a = ClusterFixtures.join(kit, cluster);
        Future<CrawlReport> first = new ShardedRun(a, config, () -> 0, crawl, map, state, "first")
                .balanced(new CrawlNodes(a, crawl)).onSay(line -> said.add("first: " + line)).run(List.of(0, 1));
        CrawlerProcess.awaitCondition(BOUND_S, "records flow", () -> world.counters().totalRequests() >= 10);
        Vertx b = ClusterFixtures.join(kit, cluster);
        Future<CrawlReport> second = new ShardedRun(b, config, () -> 0, crawl, map, state, "second")
                .balanced(new CrawlNodes(b, crawl)).onSay(line -> said.add("second: " + line)).run(Map.of());
        await(Future.all(first, second));

        assertThat(said).as("what the nodes said").anyMatch(l -> l.matches("first: part [01] of crawl 'handed' handed"
                + " over: a node joined")).anyMatch(l -> l.matches("second: part [01] of crawl 'handed' handed over to"
                + " this node, resuming its state"));
        CrawlReport report = first.result() != null ? first.result() : second.result();
        JsonObject summary = new JsonObject(readString(report.summaryFile()));
        assertThat(summary.getJsonArray("parts").stream().map(p -> ((JsonObject) p).getString("node")))
                .as("who sealed each part").contains("second");
        List<CrawlRecord> records = RecordsFile.read(report.records());
        Map<String, Integer> fetched = records.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(records).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        // the giver's fetches in flight ended before it let go: none was abandoned and asked again by the taker
        assertThat(ClusterFixtures.pagesRequested(world)).as("requests per page").containsKeys(fetched.keySet()
                .toArray(String[]::new)).allSatisfy((url, n) -> assertThat(n).as(url).isOne());
        for (int i = 0; i < 4; i++) {
            assertThat(world.counters().peakConcurrent("h" + i)).as("h%d in flight at once", i).isEqualTo(1);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
