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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Equal node JVMs with a shared {@code --state} folder: every node killed with SIGKILL mid-crawl, then one node
 * resumes alone; and a node paused (SIGSTOP) until the cluster declared it dead. Each time the crawl ends with the
 * ground-truth page set at ground-truth depths and one record per URL in the one records file, and a page whose
 * record its part had committed is not requested again. (A kill of the node of part 0 with the others going on:
 * {@code ClusterNodesOwnFoldersTest}.)
 */
@Tag(Tags.NEWEST_JDK)
class ClusterNodesKillTest {
    private static final long BOUND_S = 150;
    private static final int SITES = 12;
    /** The host delay of the pause test. */
    private static final int DELAY_MS = 200;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    private FakeWorld world() {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            // slow enough that a kill lands mid-crawl: each part has a few seconds of pages
            sites.add(SiteSpec.named("k" + i).withPages(16, 3).withLatency(Distribution.fixed(120)));
        }
        return await(FakeWorld.start(kit.vertx(), WorldConfig.of(31, sites.toArray(SiteSpec[]::new))));
    }

    @Test
    void everyNodeIsKilledAndOneNodeResumesTheCrawlWithoutRefetchingACommittedPage() throws Exception {
        FakeWorld world = world();
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).outputIn(dir)
                .writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<CrawlerProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(kit.start(dir, "node" + i, args(crawlJson, clusterXml, i == 0 ? world.seedUrls() : List.of(),
                    "--nodes", "3")));
            nodes.get(i).awaitOutput(BOUND_S, "node: part ");
        }
        awaitRecords(partWithHosts(world, 1), 3);
        for (CrawlerProcess n : nodes) {
            n.kill();
        }
        // what the parts' files held when every node died: records their states had committed first
        List<CrawlRecord> before = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            Path file = partFile(p);
            if (Files.exists(file)) {
                before.addAll(RecordsFile.read(file).stream().toList());
            }
        }
        assertThat(before).isNotEmpty();

        CrawlerProcess alone = kit.start(dir, "alone", args(crawlJson, clusterXml, List.of(), "--resume"));
        assertExactRecords(world, ClusterFixtures.awaitZeroExits(List.of(alone), BOUND_S));
        for (CrawlRecord r : before) {
            if (r.outcome() == Outcome.FETCHED) {
                assertThat(world.counters().okResponses(r.url())).as("%s had its record before the kill", r.url())
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aNodePausedUntilTheClusterDeclaredItDeadFetchesNothingOnceWokenAndItsPartIsTakenOver() throws Exception {
        FakeWorld world = world();
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<CrawlerProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // each node names itself in a header, so the sites can tell whose requests they are
            Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).perHostConcurrency(1)
                    .delayMs(DELAY_MS).timeouts(20_000, 30_000, 60_000).header("X-Node", "node" + i).outputIn(dir)
                    .writeTo(dir.resolve("crawl" + i + ".json"));
            nodes.add(kit.start(dir, "node" + i, args(crawlJson, clusterXml, i == 0 ? world.seedUrls() : List.of(),
                    "--nodes", "3")));
            nodes.get(i).awaitOutput(BOUND_S, "node: part ");
        }
        int part = partWithHosts(world, 0);
        int victimIndex = indexOf(nodes, "node: part " + part + " of 3");
        CrawlerProcess victim = nodes.get(victimIndex);
        List<CrawlerProcess> survivors = nodes.stream().filter(n -> n != victim).toList();
        awaitRecords(part, 3);
        victim.pause();
        // the cluster declares it dead (no heartbeat), frees its lock, and a survivor finds its state still held
        CrawlerProcess.awaitCondition(BOUND_S, "a survivor waiting for part " + part, () -> survivors.stream()
                .anyMatch(n -> n.output().contains("part " + part + " of crawl 'kill' lost its node, but its state is"
                        + " still in use")));
        long before = sentBy(world, "node" + victimIndex);
        victim.wake();
        assertThat(victim.exitCode(BOUND_S)).as(victim.output()).isEqualTo(1);
        assertThat(victim.output()).contains("this node stood still for").contains("without fetching or writing more");
        String outputs = ClusterFixtures.awaitZeroExits(survivors, BOUND_S);
        assertThat(outputs).contains("part " + part + " of crawl 'kill' had lost its node: taken over here");
        assertExactRecords(world, outputs);
        assertThat(sentBy(world, "node" + victimIndex)).as("requests of the woken node").isEqualTo(before);
        for (int i = 0; i < SITES; i++) {
            assertThat(world.counters().peakConcurrent("k" + i)).as("k%d in flight at once", i).isEqualTo(1);
        }
    }

    private static long sentBy(FakeWorld world, String node) {
        return world.counters().headerValues("X-Node").getOrDefault(node, 0L);
    }

    private static int indexOf(List<CrawlerProcess> nodes, String line) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).output().contains(line)) {
                return i;
            }
        }
        throw new AssertionError("no node says '" + line + "'");
    }

    /** A part other than {@code not} (if any) that holds one of the world's hosts, else {@code not}. */
    private static int partWithHosts(FakeWorld world, int not) {
        ShardMap map = ShardMap.dealing(world.seedUrls(), 3);
        return world.seedUrls().stream().map(u -> map.shardOf(HostKey.of(u))).filter(p -> p != not).findFirst()
                .orElse(not);
    }

    private Path partFile(int part) {
        return dir.resolve("records.parts").resolve("part-" + part + ".jsonl");
    }

    private void awaitRecords(int part, int lines) {
        CrawlerProcess.awaitCondition(BOUND_S, lines + " records in part " + part + "'s file", () -> {
            try {
                Path file = partFile(part);
                return Files.exists(file) && Files.readAllLines(file).size() >= lines;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void assertExactRecords(FakeWorld world, String outputs) {
        List<CrawlRecord> all = RecordsFile.read(dir.resolve("records.jsonl"));
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).as(outputs).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(all).extracting(CrawlRecord::url).as(outputs).doesNotHaveDuplicates();
    }

    private List<String> args(Path crawlJson, Path clusterXml, List<String> seeds, String... more) {
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--config", crawlJson.toString(),
                "--cluster-config", clusterXml.toString(), "--crawl-id", "kill", "--state",
                dir.resolve("state").toString(), "--quiet"));
        args.addAll(List.of(more));
        args.addAll(seeds);
        return Stream.of(args).flatMap(List::stream).toList();
    }
}
