package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster output a user can read. A frontier JVM that only serves its crawl says so while no fetcher has joined (its progress would only stand
 * still), says when one joins, and ends by naming the fetchers that did the work and their page requests (its own
 * table shows its own mode and a concurrency of 0); and Hazelcast's warnings (here: a member of another cluster on
 * the same ports) stay off a node's output unless {@code --verbose} asks for them.
 */
@Tag(Tags.NEWEST_JDK)
class FrontierFetchersLineTest {
    private static final long BOUND_S = CrawlcaseExtension.BOUND_S;
    /** A line of Hazelcast's log as the bundled logback.xml prints it: time, level, abbreviated logger. */
    private static final Pattern HAZELCAST_LOG = Pattern.compile("(?m)^[0-9:.]+ (WARN|INFO) +c\\.(h|hazelcast)\\.");

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aServingFrontierSaysItWaitsForFetchersNamesThoseThatFetchedAndKeepsHazelcastQuiet() throws Exception {
        // a member of another cluster on the same ports: each node meets it while it joins, and Hazelcast warns
        ClusterFixtures.join(kit, ClusterFixtures.uniqueClusterName());
        FakeWorld world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(),
                WorldConfig.of(7, SiteSpec.named("small").withPages(20, 3))));
        Path crawlJson = ClusterFixtures.shortLeases(Mode.ASYNC, 2, dir).writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        List<String> frontierArgs = new ArrayList<>(List.of("cluster", "--role", "frontier", "--config",
                crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", "waiting", "--quiet"));
        frontierArgs.addAll(world.seedUrls());
        CrawlerProcess frontier = kit.start(dir, "frontier", frontierArgs);
        frontier.awaitOutput(BOUND_S, "frontier: waiting for fetchers: none has joined crawl 'waiting' yet; start one"
                + " with: crawler cluster --role fetcher --crawl-id waiting");

        CrawlerProcess fetcher = kit.start(dir, "fetcher", List.of("cluster", "--role", "fetcher", "--config",
                crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", "waiting", "--quiet",
                "--mode", "sequential", "--concurrency", "1", "--verbose"));
        assertThat(frontier.exitCode(BOUND_S)).as(frontier.output()).isZero();
        assertThat(fetcher.exitCode(BOUND_S)).as(fetcher.output()).isZero();

        long fetched = RecordsFile.read(dir.resolve("records.jsonl")).stream()
                .filter(r -> r.outcome() == Outcome.FETCHED).map(CrawlRecord::url).count();
        assertThat(fetched).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages().size());
        String output = frontier.output();
        Matcher joined = Pattern.compile("frontier: fetcher (sequential at 1 \\(pid \\d+\\)) joined").matcher(output);
        assertThat(joined.find()).as(output).isTrue();
        Matcher tally = Pattern.compile("fetched by: " + Pattern.quote(joined.group(1)) + " (\\d+) page requests\n")
                .matcher(output);
        assertThat(tally.find()).as(output).isTrue();
        // every fetched page took at least one request of the only fetcher (failures and retries took more)
        assertThat(Long.parseLong(tally.group(1))).isGreaterThanOrEqualTo(fetched);
        assertThat(output).containsOnlyOnce("waiting for fetchers");
        // Hazelcast's warnings stay off a node's output unless it is asked for them
        assertThat(output).doesNotContainPattern(HAZELCAST_LOG);
        assertThat(fetcher.output()).containsPattern(HAZELCAST_LOG).contains("different cluster-name");
    }
}
