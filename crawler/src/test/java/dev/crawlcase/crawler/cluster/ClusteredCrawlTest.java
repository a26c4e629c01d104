package dev.crawlcase.crawler.cluster;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlSetup;
import dev.crawlcase.crawler.bus.FinishedAnswer;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three clustered Vert.x instances in one JVM (Hazelcast on 127.0.0.1): a frontier node that does not fetch and
 * two fetcher nodes of different modes, started before the frontier, crawl a small fake world together.
 */
@Tag(Tags.NEWEST_JDK)
class ClusteredCrawlTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aFrontierNodeAndTwoFetcherNodesOfDifferentModesCrawlTheGroundTruthOnce() throws Exception {
        FakeWorld world = await(FakeWorld.start(kit.vertx(), WorldConfig.of(11,
                SiteSpec.named("one").withPages(40, 4).withLatency(Distribution.fixed(5)),
                SiteSpec.named("two").withPages(30, 3).withLatency(Distribution.fixed(5)))));
        String cluster = ClusterFixtures.uniqueClusterName();
        CrawlAddresses addresses = new CrawlAddresses("in-jvm");
        CrawlConfig config = ClusterFixtures.shortLeases(Mode.ASYNC, 4, dir).load(dir).withSeeds(world.seedUrls());
        CrawlSetup setup = new CrawlSetup(config);

        Vertx asyncNode = ClusterFixtures.join(kit, cluster);
        Vertx poolNode = ClusterFixtures.join(kit, cluster);
        Future<Void> asyncDone = FetcherNode.run(asyncNode, Mode.ASYNC, setup.fetcherSettings(addresses, 4, "n-async"));
        Future<Void> poolDone = FetcherNode.run(poolNode, Mode.THREAD_POOL,
                setup.fetcherSettings(addresses, 4, "n-pool"));
        Vertx frontierNode = ClusterFixtures.join(kit, cluster);
        CrawlReport report = await(new CrawlRunner(frontierNode, config, () -> 0, addresses, false).run());
        await(frontierNode.deployVerticle(new FinishedAnswer(addresses)));
        await(Future.all(asyncDone, poolDone));

        List<CrawlRecord> records = RecordsFile.read(report.records());
        Map<String, Integer> fetched = records.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(records).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(records).filteredOn(r -> r.outcome().equals(Outcome.FETCHED)).extracting(CrawlRecord::mode)
                .contains(Mode.ASYNC, Mode.THREAD_POOL);
    }
}
