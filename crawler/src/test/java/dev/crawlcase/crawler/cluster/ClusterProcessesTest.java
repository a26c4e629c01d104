package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.crawlcase.crawler.testkit.CrawlerProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frontier JVM and two fetcher JVMs on loopback, the fake sites in this JVM. The first fetcher is there before
 * the frontier, the second joins while the crawl runs; the first is killed (SIGKILL) while it holds leases, they
 * expire and are fetched by the second, and the crawl still ends with exactly the ground-truth pages, one record
 * per URL.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterProcessesTest {
    private static final long BOUND_S = 60;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    private CrawlerProcess start(String name, List<String> args) {
        return kit.start(dir, name, args);
    }

    private List<String> common(String role, Path crawlJson, Path clusterXml) {
        return List.of("cluster", "--role", role, "--config", crawlJson.toString(), "--cluster-config",
                clusterXml.toString(), "--crawl-id", "kill-test", "--quiet");
    }

    private long recordsOfMode(Path records, String mode) {
        if (!Files.exists(records)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(records)) {
            return lines.filter(l -> l.contains("\"mode\":\"" + mode + "\"")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFetcherKilledMidCrawlLosesOnlyLeasesThatExpireAndAreFetchedByAnother() throws Exception {
        FakeWorld world = FakeWorld.start(kit.vertx(),
                        WorldConfig.of(5, SiteSpec.named("slow").withPages(150, 5).withLatency(Distribution.fixed(30))))
                .toCompletionStage().toCompletableFuture().get(BOUND_S, TimeUnit.SECONDS);
        Path crawlJson = ClusterFixtures.shortLeases(Mode.ASYNC, 2, dir).writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        Path records = dir.resolve("records.jsonl");

        List<String> first = new ArrayList<>(common("fetcher", crawlJson, clusterXml));
        first.addAll(List.of("--mode", "thread-pool"));
        CrawlerProcess doomed = start("fetcher-thread-pool", first);
        doomed.awaitOutput(BOUND_S, "joined");

        List<String> frontierArgs = new ArrayList<>(common("frontier", crawlJson, clusterXml));
        frontierArgs.addAll(world.seedUrls());
        CrawlerProcess frontier = start("frontier", frontierArgs);
        List<String> second = new ArrayList<>(common("fetcher", crawlJson, clusterXml));
        second.addAll(List.of("--mode", "async", "--concurrency", "4"));
        CrawlerProcess survivor = start("fetcher-async", second);
        CrawlerProcess.awaitCondition(BOUND_S, "the first fetcher's records",
                () -> recordsOfMode(records, "thread-pool") >= 10);
        doomed.kill();

        assertThat(frontier.exitCode(BOUND_S)).as(frontier.output()).isZero();
        assertThat(survivor.exitCode(BOUND_S)).as(survivor.output()).isZero();
        assertThat(survivor.output()).contains("crawl 'kill-test' finished");

        List<CrawlRecord> all = RecordsFile.read(records);
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(all).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(all).extracting(CrawlRecord::mode).contains(Mode.THREAD_POOL, Mode.ASYNC);
    }
}
