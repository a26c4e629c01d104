package dev.crawlcase.crawler.cluster;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.ShardedRun;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharded crawl on real servers: every part schedules and fetches only its own hosts, hands the others' URLs
 * off in batches, and the records of all parts reach one file: the ground-truth page set at ground-truth depths,
 * one record per URL. First all parts on one Vert.x (the local event bus), each part's file holding exactly the
 * hosts dealt to it, then three clustered Vert.x instances in one JVM (Hazelcast on 127.0.0.1), each running one
 * part in another mode; the node of part 0 merges the parts' files. Default timeouts and retries: nothing dies here, and a robots.txt that times out on a busy machine
 * would rightly disallow its whole host.
 */
@Tag(Tags.NEWEST_JDK)
class ShardedCrawlTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    private FakeWorld world() {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sites.add(SiteSpec.named("s" + i).withPages(25 + 5 * i, 3).withLatency(Distribution.fixed(3)));
        }
        return await(FakeWorld.start(kit.vertx(), WorldConfig.of(17, sites.toArray(SiteSpec[]::new))));
    }

    @Test
    void fourPartsInOneJvmCrawlTheGroundTruthOnce() {
        FakeWorld world = world();
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(4).outputIn(dir).load(dir).withSeeds(world.seedUrls());
        ShardMap map = ShardMap.dealing(world.seedUrls(), 4);
        ShardedRun run = new ShardedRun(kit.vertx(), config, () -> 0, new CrawlAddresses("sharded-local"), map, null,
                "local");
        CrawlReport report = await(run.run(List.of(0, 1, 2, 3)));

        assertGroundTruth(world, RecordsFile.read(report.records()));
        assertThat(run.batchesSent()).as("hand-offs travel in batches").isPositive()
                .isLessThan(RecordsFile.read(report.records()).size());
        // the six sites' hosts were dealt 2, 2, 1, 1: each part fetched exactly the hosts dealt to it
        for (int part = 0; part < 4; part++) {
            int p = part;
            Set<String> dealt = map.dealt().entrySet().stream().filter(e -> e.getValue() == p)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(dealt).as("hosts dealt to part %d", part).hasSize(part < 2 ? 2 : 1);
            List<CrawlRecord> records = RecordsFile.read(dir.resolve("records.parts").resolve("part-" + part
                    + ".jsonl"));
            assertThat(records.stream().filter(r -> r.outcome() == Outcome.FETCHED).map(r -> HostKey.of(r.url()))
                    .collect(Collectors.toSet())).as("hosts of part %d's fetched pages", part).isEqualTo(dealt);
        }
    }

    /**
     * maxPages across four parts: exactly that many pages requested in the whole crawl (the sites' own counters),
     * each once, one record per URL, and the records a one-frontier run writes under the same limit: the pages it
     * fetched, "page_limit" for the URLs it found and never requested.
     */
    @Test
    void fourPartsFetchExactlyThePageLimitLikeRun() {
        FakeWorld world = world();
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(4).maxPages(40).outputIn(dir).load(dir)
                .withSeeds(world.seedUrls());
        List<CrawlRecord> alone = RecordsFile.read(await(new CrawlRunner(kit.vertx(), config, () -> 0).run())
                .records());
        assertWithinLimit(world, alone, 40);
        world.counters().reset();

        ShardedRun run = new ShardedRun(kit.vertx(), config, () -> 0, new CrawlAddresses("sharded-limit"),
                ShardMap.dealing(world.seedUrls(), 4), null,
                "local");
        List<CrawlRecord> sharded = RecordsFile.read(await(run.run(List.of(0, 1, 2, 3))).records());
        assertWithinLimit(world, sharded, 40);
        assertThat(kinds(sharded)).as("the record kinds of run").isEqualTo(kinds(alone));
    }

    private static void assertWithinLimit(FakeWorld world, List<CrawlRecord> records, int maxPages) {
        Map<String, Integer> pages = ClusterFixtures.pagesRequested(world);
        assertThat(pages).as("pages requested").hasSize(maxPages).allSatisfy((url, n) -> assertThat(n).isOne());
        assertThat(records).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        Map<String, CrawlRecord> byUrl = records.stream().collect(Collectors.toMap(CrawlRecord::url, r -> r));
        assertThat(pages.keySet()).allSatisfy(url -> assertThat(byUrl.get(url)).as("record of %s", url)
                .isNotNull().extracting(CrawlRecord::reason).isNotEqualTo("page_limit"));
        assertThat(records).filteredOn(r -> "page_limit".equals(r.reason())).isNotEmpty()
                .allSatisfy(r -> assertThat(pages).as("requested").doesNotContainKey(r.url()));
        assertThat(records).filteredOn(r -> r.outcome() == Outcome.FETCHED).hasSize(maxPages);
    }

    private static Set<String> kinds(List<CrawlRecord> records) {
        return records.stream().map(r -> r.outcome() + "/" + r.reason()).collect(Collectors.toSet());
    }

    @Test
    void threeClusterNodesEachFetchOnlyTheirOwnHosts() {
        FakeWorld world = world();
        String cluster = ClusterFixtures.uniqueClusterName();
        CrawlAddresses crawl = new CrawlAddresses("sharded-cluster");
        Mode[] modes = {Mode.ASYNC, Mode.THREAD_POOL, Mode.SEQUENTIAL};
        ShardMap map = ShardMap.dealing(world.seedUrls(), 3);
        List<Future<CrawlReport>> runs = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            Vertx node = ClusterFixtures.join(kit, cluster);
            CrawlConfig config = TestConfig.crawl().mode(modes[part]).concurrency(3).outputIn(dir.resolve("n" + part))
                    .load(dir)
                    .withSeeds(world.seedUrls());
            runs.add(new ShardedRun(node, config, () -> 0, crawl, map, null, modes[part].label()).run(List.of(part)));
        }
        CrawlReport report = await(Future.all(runs)).resultAt(0);

        List<CrawlRecord> records = RecordsFile.read(report.records());
        assertGroundTruth(world, records);
        for (CrawlRecord r : records) {
            if (r.outcome() == Outcome.FETCHED) {
                assertThat(r.mode()).as("%s fetched by the node of its part", r.url())
                        .isEqualTo(modes[map.shardOf(HostKey.of(r.url()))]);
            }
        }
    }

    private static void assertGroundTruth(FakeWorld world, List<CrawlRecord> records) {
        Map<String, Integer> fetched = records.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(records).extracting(CrawlRecord::url).doesNotHaveDuplicates();
    }
}
