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
import io.vertx.core.json.JsonObject;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two node JVMs run a crawl cut into four parts with a shared {@code --state} folder; a third node joins once
 * records flow. It is not refused: a node over its share hands a part over (its fetches in flight ended, its state
 * closed) and the joiner takes it. The crawl ends with the ground-truth page set at ground-truth depths and one
 * record per URL, and the sites saw politeness held across the hand-over: one request at a time per host, starts a
 * delay apart.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterNodesJoinTest {
    private static final long BOUND_S = 150;
    private static final int SITES = 12;
    private static final int DELAY_MS = 200;
    /** The same slack as {@link ClusterNodesOwnFoldersTest}'s: loopback transit on a loaded machine, not the crawler. */
    private static final int TRANSIT_SLACK_MS = DELAY_MS / 2;
    /** A node's name, in its line for each part it claimed as it started and in its line of joining with none. */
    private static final Pattern JOINER = Pattern.compile("\\((\\w+@\\d+)\\)");

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aNodeJoiningMidCrawlTakesAPartHandedOverAndPolitenessHolds() throws Exception {
        List<SiteSpec> specs = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            // slow enough that the crawl is still under way when a third JVM has started and joined
            specs.add(SiteSpec.named("j" + i).withPages(150, 3).withLatency(Distribution.fixed(120)));
        }
        FakeWorld world = await(FakeWorld.start(kit.vertx(), WorldConfig.of(37, specs.toArray(SiteSpec[]::new))));
        // timeouts no busy machine reaches, as in ClusterNodesOwnFoldersTest: no retry while the first try is still open
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).perHostConcurrency(1).delayMs(DELAY_MS)
                .timeouts(20_000, 30_000, 60_000).outputIn(dir).writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<CrawlerProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            nodes.add(kit.start(dir, "node" + i, args(crawlJson, clusterXml, i == 0 ? world.seedUrls() : List.of())));
            nodes.get(i).awaitOutput(BOUND_S, "node: part ");
        }
        awaitSomeRecords();
        CrawlerProcess joiner = kit.start(dir, "joiner", args(crawlJson, clusterXml, List.of()));
        nodes.add(joiner);
        String outputs = ClusterFixtures.awaitZeroExits(nodes, BOUND_S);
        assertThat(outputs).containsPattern("node: part [0-3] of crawl 'join' handed over: a node joined");
        // the joiner took the part handed over as it started (its line for the part) or while it waited (taken over)
        assertThat(joiner.output()).as(outputs).containsPattern("node: part [0-3] of 4 of crawl 'join'|node: part"
                + " [0-3] of crawl 'join' handed over to this node, resuming its state");
        Matcher named = JOINER.matcher(joiner.output());
        assertThat(named.find()).as(outputs).isTrue();
        String joinerName = named.group(1);
        JsonObject summary = new JsonObject(Files.readString(dir.resolve("summary.json")));
        assertThat(summary.getJsonArray("parts")).hasSize(4);
        assertThat(summary.getJsonArray("parts").stream().map(p -> ((JsonObject) p).getString("node")))
                .as(outputs).contains(joinerName);

        List<CrawlRecord> all = RecordsFile.read(dir.resolve("records.jsonl"));
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).as(outputs).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(all).extracting(CrawlRecord::url).as(outputs).doesNotHaveDuplicates();
        // the giver's fetches in flight ended before it let go: none was abandoned and asked again by the joiner
        assertThat(ClusterFixtures.pagesRequested(world)).as("requests per page").allSatisfy((url, n) ->
                assertThat(n).as(url).isOne());
        for (int i = 0; i < SITES; i++) {
            assertThat(world.counters().peakConcurrent("j" + i)).as("j%d in flight at once", i).isEqualTo(1);
            assertThat(world.counters().minPageGapMs("j" + i)).as("j%d smallest gap between page starts", i)
                    .isGreaterThanOrEqualTo(DELAY_MS - TRANSIT_SLACK_MS);
        }
    }

    /** Records flow: some part's file holds a few. */
    private void awaitSomeRecords() {
        CrawlerProcess.awaitCondition(BOUND_S, "records in a part's file", () -> {
            for (int p = 0; p < 4; p++) {
                Path file = dir.resolve("records.parts").resolve("part-" + p + ".jsonl");
                try {
                    if (Files.exists(file) && Files.readAllLines(file).size() >= 3) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        });
    }

    private List<String> args(Path crawlJson, Path clusterXml, List<String> seeds) {
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--nodes", "2", "--parts", "4",
                "--config", crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", "join",
                "--state", dir.resolve("state").toString(), "--quiet"));
        args.addAll(seeds);
        return args;
    }
}
