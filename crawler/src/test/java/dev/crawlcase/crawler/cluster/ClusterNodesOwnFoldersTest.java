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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Equal node JVMs that share no folder: each has its own {@code --state} folder and its own output files, as on
 * machines of their own. The node of part 0 is killed with SIGKILL mid-crawl and its folder deleted (its disk is
 * gone): a survivor rebuilds the part from the journal copy the cluster kept in its memory, and the crawl ends with
 * the ground-truth page set at ground-truth depths, one record per URL, and no page whose record the dead node had
 * committed requested again.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterNodesOwnFoldersTest {
    private static final long BOUND_S = 150;
    private static final int SITES = 12;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void theNodeOfPartZeroDiesWithItsDiskAndASurvivorRebuildsThePartFromTheClustersCopy() throws Exception {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add(SiteSpec.named("f" + i).withPages(16, 3).withLatency(Distribution.fixed(120)));
        }
        FakeWorld world = await(FakeWorld.start(kit.vertx(), WorldConfig.of(37, sites.toArray(SiteSpec[]::new))));
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).outputIn(dir)
                .writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<CrawlerProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(kit.start(dir, "node" + i, args(crawlJson, clusterXml, "node" + i,
                    i == 0 ? world.seedUrls() : List.of())));
            nodes.get(i).awaitOutput(BOUND_S, "node: part ");
        }
        int victimIndex = 0;
        while (!nodes.get(victimIndex).output().contains("node: part 0 of 3")) {
            victimIndex++;
        }
        CrawlerProcess victim = nodes.get(victimIndex);
        Path victimFolder = dir.resolve("node" + victimIndex);
        Path partZero = victimFolder.resolve("records.parts").resolve("part-0.jsonl");
        CrawlerProcess.awaitCondition(BOUND_S, "3 records in part 0's file", () -> lines(partZero) >= 3);
        victim.kill();
        List<CrawlRecord> committed = RecordsFile.read(partZero);
        deleteTree(victimFolder);

        List<CrawlerProcess> survivors = nodes.stream().filter(n -> n != victim).toList();
        String outputs = awaitZeroExits(survivors);
        assertThat(outputs).contains("part 0 of crawl 'own' had lost its node: taken over here")
                .contains("part 0 of crawl 'own': its state here was rebuilt from the cluster's copy of its journal");
        Path merged = Stream.of(0, 1, 2).map(i -> dir.resolve("node" + i).resolve("records.jsonl"))
                .filter(Files::exists).findFirst().orElseThrow();
        List<CrawlRecord> all = RecordsFile.read(merged);
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).as(outputs).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(all).extracting(CrawlRecord::url).as(outputs).doesNotHaveDuplicates();
        assertThat(committed).isNotEmpty();
        for (CrawlRecord r : committed) {
            if (r.outcome() == Outcome.FETCHED) {
                assertThat(world.counters().okResponses(r.url()))
                        .as("%s had its record on the dead node's disk before the kill", r.url()).isEqualTo(1);
            }
        }
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

    private static String awaitZeroExits(List<CrawlerProcess> processes) throws InterruptedException {
        for (CrawlerProcess p : processes) {
            int code;
            try {
                code = p.exitCode(BOUND_S);
            } catch (AssertionError timedOut) {
                throw new AssertionError(timedOut.getMessage().lines().findFirst().orElse("") + "\n"
                        + processes.stream().map(CrawlerProcess::output).collect(Collectors.joining("\n---\n")),
                        timedOut);
            }
            assertThat(code).as(processes.stream().map(CrawlerProcess::output)
                    .collect(Collectors.joining("\n---\n"))).isZero();
        }
        return processes.stream().map(CrawlerProcess::output).collect(Collectors.joining("\n---\n"));
    }

    /** A node's arguments: its own state folder, records file and summary under {@code dir/NAME}. */
    private List<String> args(Path crawlJson, Path clusterXml, String name, List<String> seeds) {
        Path own = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--nodes", "3", "--config",
                crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", "own", "--state",
                own.resolve("state").toString(), "--out", own.resolve("records.jsonl").toString(), "--summary",
                own.resolve("summary.json").toString(), "--quiet"));
        args.addAll(seeds);
        return args;
    }
}
