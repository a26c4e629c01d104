package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three equal node JVMs ({@code cluster --role node --nodes 3}) on loopback, the fake sites in this JVM: the first
 * starts with no seeds and waits for them, the seeds are given to the second, the third joins last. Each node
 * schedules and fetches its own part of the hosts in its own mode, and the node of part 0 (whichever claimed it)
 * writes one records file with the ground-truth pages, one record per URL, each host fetched by one node, and one
 * mode per part that holds a host (the sites' ports are random: with six hosts a part is empty about a quarter of
 * the time).
 */
@Tag(Tags.NEWEST_JDK)
class ClusterNodesProcessesTest {
    private static final long BOUND_S = 150;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void threeEqualNodesCrawlTheGroundTruthIntoOneFile() throws Exception {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sites.add(SiteSpec.named("n" + i).withPages(30, 3).withLatency(Distribution.fixed(5)));
        }
        FakeWorld world = await(FakeWorld.start(kit.vertx(), WorldConfig.of(23, sites.toArray(SiteSpec[]::new))));
        // the default timeouts and retries: no node dies here, and a robots.txt that times out on a busy machine
        // would rightly disallow its whole host
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(3).outputIn(dir)
                .writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());

        CrawlerProcess first = kit.start(dir, "node-async", args(crawlJson, clusterXml, "async", List.of()));
        first.awaitOutput(BOUND_S, "waiting for its seeds");
        CrawlerProcess second = kit.start(dir, "node-pool", args(crawlJson, clusterXml, "thread-pool",
                world.seedUrls()));
        CrawlerProcess third = kit.start(dir, "node-sequential", args(crawlJson, clusterXml, "sequential",
                List.of()));

        assertThat(first.exitCode(BOUND_S)).as(first.output()).isZero();
        assertThat(second.exitCode(BOUND_S)).as(second.output()).isZero();
        assertThat(third.exitCode(BOUND_S)).as(third.output()).isZero();
        assertThat(Stream.of(first, second, third).filter(p -> p.output().contains(", writing "))).hasSize(1);

        List<CrawlRecord> all = RecordsFile.read(dir.resolve("records.jsonl"));
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        String outputs = first.output() + "\n---\n" + second.output() + "\n---\n" + third.output();
        assertThat(fetched).as(outputs).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(all).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        // as many modes as parts with hosts (the seeds' hosts are dealt to the parts), one per host
        ShardMap parts = ShardMap.dealing(world.seedUrls(), 3);
        long partsWithHosts = world.seedUrls().stream().map(u -> parts.shardOf(HostKey.of(u))).distinct().count();
        Map<String, Set<Mode>> modesByHost = all.stream().filter(r -> r.outcome() == Outcome.FETCHED)
                .collect(Collectors.groupingBy(r -> HostKey.of(r.url()),
                        Collectors.mapping(CrawlRecord::mode, Collectors.toSet())));
        assertThat(modesByHost.values()).as(outputs).allSatisfy(modes -> assertThat(modes).hasSize(1));
        assertThat(modesByHost.values().stream().flatMap(Set::stream).distinct().count()).as(outputs)
                .isEqualTo(partsWithHosts);
    }

    private static List<String> args(Path crawlJson, Path clusterXml, String mode, List<String> seeds) {
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--nodes", "3", "--config",
                crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", "equal-nodes",
                "--mode", mode, "--quiet"));
        args.addAll(seeds);
        return args;
    }
}
