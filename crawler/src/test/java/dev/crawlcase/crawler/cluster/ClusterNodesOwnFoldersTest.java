package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.output.RecordsFile;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Equal node JVMs that share no folder: each has its own {@code --state} folder and its own output files, as on
 * machines of their own. Two of three nodes are killed with SIGKILL mid-crawl, one after the other, each with its
 * folder deleted (its disk is gone): first the node of part 0, then the survivor that took part 0 over. Each time a
 * survivor rebuilds the parts from the journal copies the cluster keeps in its memory (whose backups Hazelcast
 * moves to the members left), and the crawl ends with the ground-truth page set at ground-truth depths, one record
 * per URL, no page whose record a dead node had committed requested again, and politeness held across both
 * hand-overs by the sites' own counters (one request per host at a time, starts a host delay apart).
 */
@Tag(Tags.NEWEST_JDK)
class ClusterNodesOwnFoldersTest {
    private static final long BOUND_S = 150;
    private static final int SITES = 12;
    /** The host delay: the sites' own clocks must never see two page starts closer. */
    private static final int DELAY_MS = 200;
    /**
     * Loopback transit can bring a request in later than the one after it on a loaded machine: gaps of 128-142 ms were
     * seen at load 15-25 with politeness held at the sender. A hand-over that forgot a host's last start would send at
     * once, a gap near 0, so half the delay still tells the two apart.
     */
    private static final int TRANSIT_SLACK_MS = DELAY_MS / 2;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void twoNodesDieOneAfterTheOtherWithTheirDisksAndTheLastRebuildsEveryPartFromTheClustersCopy() throws Exception {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            // slow enough for two kills mid-crawl: each part has several seconds of pages
            sites.add(SiteSpec.named("f" + i).withPages(24, 3).withLatency(Distribution.fixed(150)));
        }
        FakeWorld world = await(FakeWorld.start(kit.vertx(), WorldConfig.of(37, sites.toArray(SiteSpec[]::new))));
        // timeouts no busy machine reaches: a request the client gave up on may still be open at the server when
        // its retry arrives, and the sites would count two in flight that the crawler never had
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).perHostConcurrency(1).delayMs(DELAY_MS)
                .timeouts(20_000, 30_000, 60_000).outputIn(dir).writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<CrawlerProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(kit.start(dir, "node" + i, args(crawlJson, clusterXml, "node" + i,
                    i == 0 ? world.seedUrls() : List.of())));
            nodes.get(i).awaitOutput(BOUND_S, "node: part ");
        }
        List<CrawlRecord> committed = new ArrayList<>();
        // how often the sites had answered each committed page once its node was dead: a page a victim fetched but
        // had not committed is fetched again by its taker, legitimately, and may then be committed by the taker
        Map<String, Integer> answeredAtKill = new HashMap<>();
        // first the node of part 0 (which would merge the records), with its disk
        int first = indexOf(nodes, "node: part 0 of 3");
        awaitLines(partFile(first, 0), 3);
        List<CrawlRecord> ofFirst = killWithDisk(nodes.get(first), first);
        committed.addAll(ofFirst);
        ofFirst.forEach(r -> answeredAtKill.put(r.url(), world.counters().okResponses(r.url())));
        // then the survivor that took part 0 over, once it has committed pages of it and the cluster says its
        // copies have their backups again (one more node may die), with its disk
        int second = indexOf(nodes, "part 0 of crawl 'own' had lost its node: taken over here");
        long rebuilt = lines(partFile(second, 0));
        awaitLines(partFile(second, 0), rebuilt + 3);
        indexOf(nodes, "the cluster's copies have all their backups again (2 nodes): one more node may die");
        List<CrawlRecord> ofSecond = killWithDisk(nodes.get(second), second);
        committed.addAll(ofSecond);
        ofSecond.forEach(r -> answeredAtKill.put(r.url(), world.counters().okResponses(r.url())));
        String diagnosis = "first victim node" + first + " (" + ofFirst.size() + " records) output:\n"
                + nodes.get(first).output() + "\nsecond victim node" + second + " (" + ofSecond.size()
                + " records) output:\n" + nodes.get(second).output() + "\nsecond's records: "
                + ofSecond.stream().map(CrawlRecord::url).toList();

        CrawlerProcess last = nodes.stream().filter(CrawlerProcess::isAlive).findFirst().orElseThrow();
        int lastIndex = nodes.indexOf(last);
        String outputs = ClusterFixtures.awaitZeroExits(List.of(last), BOUND_S);
        assertThat(outputs).contains("part 0 of crawl 'own' had lost its node: taken over here")
                .contains("part 0 of crawl 'own': its state here was rebuilt from the cluster's copy of its journal");
        List<CrawlRecord> all = RecordsFile.read(dir.resolve("node" + lastIndex).resolve("records.jsonl"));
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).as(outputs).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(all).extracting(CrawlRecord::url).as(outputs).doesNotHaveDuplicates();
        // politeness held across both hand-overs, as the sites saw it: one request at a time, starts a delay apart
        for (int i = 0; i < SITES; i++) {
            assertThat(world.counters().peakConcurrent("f" + i)).as("f%d in flight at once", i).isEqualTo(1);
            assertThat(world.counters().minPageGapMs("f" + i)).as("f%d smallest gap between page starts", i)
                    .isGreaterThanOrEqualTo(DELAY_MS - TRANSIT_SLACK_MS);
        }
        assertThat(committed).isNotEmpty();
        List<String> again = committed.stream().filter(r -> r.outcome() == Outcome.FETCHED)
                .filter(r -> world.counters().okResponses(r.url()) != answeredAtKill.get(r.url()))
                .map(CrawlRecord::url).toList();
        assertThat(again).as("pages whose record was on a dead node's disk before its kill, requested again (of %d)"
                + "\n%s\n%s", committed.size(), outputs, diagnosis).isEmpty();
    }

    /** SIGKILL, then the node's folder deleted; the records its parts' files held (committed first) before that. */
    private List<CrawlRecord> killWithDisk(CrawlerProcess node, int index) throws Exception {
        node.kill();
        List<CrawlRecord> held = new ArrayList<>();
        Path parts = dir.resolve("node" + index).resolve("records.parts");
        try (Stream<Path> files = Files.list(parts)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                held.addAll(RecordsFile.read(f));
            }
        }
        deleteTree(dir.resolve("node" + index));
        return held;
    }

    private Path partFile(int node, int part) {
        return dir.resolve("node" + node).resolve("records.parts").resolve("part-" + part + ".jsonl");
    }

    private static void awaitLines(Path file, long count) {
        CrawlerProcess.awaitCondition(BOUND_S, count + " records in " + file, () -> lines(file) >= count);
    }

    private static int indexOf(List<CrawlerProcess> nodes, String line) {
        CrawlerProcess.awaitCondition(BOUND_S, "a node saying '" + line + "'",
                () -> nodes.stream().anyMatch(n -> n.isAlive() && n.output().contains(line)));
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).isAlive() && nodes.get(i).output().contains(line)) {
                return i;
            }
        }
        throw new AssertionError("no node says '" + line + "'");
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A node's arguments: its own state folder, records file and summary under {@code dir/NAME}. */
    private List<String> args(Path crawlJson, Path clusterXml, String name, List<String> seeds) {
        Path own = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--nodes", "3", "--config",
                crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", "own", "--state",
                own.resolve("state").toString(), "--out", own.resolve("records.jsonl").toString(), "--summary",
                own.resolve("summary.json").toString(), "--quiet",
                // one machine: nothing can cut the nodes apart, so the last one alive may go on (see ClusterQuorumTest)
                "--quorum", "1"));
        args.addAll(seeds);
        return args;
    }
}
