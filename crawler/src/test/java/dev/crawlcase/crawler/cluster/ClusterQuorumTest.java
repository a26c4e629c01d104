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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minority side of a split cannot take parts: three node JVMs (a quorum of 2), two killed at once; the one left
 * cannot tell that from being cut off from a majority that goes on, so it takes none of their parts, sends the
 * sites nothing more once it has said so, and ends with its line (exit 1). A resume then finishes the crawl exactly,
 * without requesting again a page whose record was committed.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterQuorumTest {
    private static final long BOUND_S = 150;
    private static final int SITES = 9;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void theLastNodeOfThreeTakesNoPartOverAndStopsThenAResumeFinishesTheCrawl() throws Exception {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add(SiteSpec.named("q" + i).withPages(20, 3).withLatency(Distribution.fixed(150)));
        }
        FakeWorld world = await(FakeWorld.start(kit.vertx(), WorldConfig.of(41, sites.toArray(SiteSpec[]::new))));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<CrawlerProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).header("X-Node", "node" + i)
                    .outputIn(dir).writeTo(dir.resolve("crawl" + i + ".json"));
            nodes.add(kit.start(dir, "node" + i, args(crawlJson, clusterXml, "--nodes", "3")
                    .plus(i == 0 ? world.seedUrls() : List.of())));
            nodes.get(i).awaitOutput(BOUND_S, "node: part ");
        }
        CrawlerProcess.awaitCondition(BOUND_S, "records flowing", () -> lines(dir.resolve("records.parts")) >= 6);
        nodes.get(0).kill();
        nodes.get(1).kill();
        CrawlerProcess last = nodes.get(2);
        last.awaitOutput(BOUND_S, "of the crawl's quorum of 2 nodes");
        long sent = world.counters().headerValues("X-Node").getOrDefault("node2", 0L);
        assertThat(last.exitCode(BOUND_S)).as(last.output()).isEqualTo(1);
        assertThat(last.output()).doesNotContain("taken over here");
        assertThat(world.counters().headerValues("X-Node").getOrDefault("node2", 0L))
                .as("requests of the node left alone, once it said it stops").isEqualTo(sent);

        List<CrawlRecord> committed = new ArrayList<>();
        try (var files = Files.list(dir.resolve("records.parts"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                committed.addAll(RecordsFile.read(f));
            }
        }
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).outputIn(dir)
                .writeTo(dir.resolve("crawl.json"));
        CrawlerProcess alone = kit.start(dir, "alone", args(crawlJson, clusterXml, "--resume").plus(List.of()));
        assertThat(alone.exitCode(BOUND_S)).as(alone.output()).isZero();
        List<CrawlRecord> all = RecordsFile.read(dir.resolve("records.jsonl"));
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).as(alone.output()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(all).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(committed).filteredOn(r -> r.outcome() == Outcome.FETCHED).isNotEmpty()
                .allSatisfy(r -> assertThat(world.counters().okResponses(r.url()))
                        .as("%s had its record before the nodes stopped", r.url()).isEqualTo(1));
    }

    private static long lines(Path folder) {
        try (var files = Files.list(folder)) {
            long n = 0;
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                n += Files.readAllLines(f).size();
            }
            return n;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private Args args(Path crawlJson, Path clusterXml, String... more) {
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--config", crawlJson.toString(),
                "--cluster-config", clusterXml.toString(), "--crawl-id", "quorum", "--state",
                dir.resolve("state").toString(), "--quiet"));
        args.addAll(List.of(more));
        return new Args(args);
    }

    private record Args(List<String> list) {
        List<String> plus(List<String> seeds) {
            List<String> all = new ArrayList<>(list);
            all.addAll(seeds);
            return all;
        }
    }
}
