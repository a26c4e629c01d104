package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.ShardedRun;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the parts of a sharded crawl say to each other, per page: three parts on one Vert.x, counted as if each ran
 * on its own node ({@link CrossPartMessages}: hand-off batches and their acknowledgements, board publishes to the
 * two other nodes, the record files merged at the end) plus every operation on the board's shared map. The board's
 * own share is bounded: a board that each part read every second whether it waited for anything or not, and
 * rewrote with a read and a swap each time, cost 0.09 messages per page here (92 for 1002 pages); reading only while
 * waiting and swapping without reading first, 0.06. All messages together stay under 0.2 per page here (0.22
 * before); the hand-off batches and their acknowledgements are most of them.
 */
@Tag(Tags.NEWEST_JDK)
class ShardedMessagesTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void threePartsSayLessThanOneMessageForEveryFivePagesAndTheBoardLittleOfIt() {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sites.add(SiteSpec.named("c" + i).withPages(150, 4).withLatency(Distribution.fixed(20)));
        }
        FakeWorld world = await(FakeWorld.start(kit.vertx(), WorldConfig.of(5, sites.toArray(SiteSpec[]::new))));
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(4).outputIn(dir).load(dir)
                .withSeeds(world.seedUrls());
        CrawlAddresses crawl = new CrawlAddresses("sharded-messages");
        CrossPartMessages counted = new CrossPartMessages(crawl, 3);
        Vertx node = kit.vertx(); // the sites run on another
        node.eventBus().addOutboundInterceptor(counted);
        ShardedRun run = new ShardedRun(node, config, () -> 0, crawl, ShardMap.dealing(world.seedUrls(), 3), null,
                "local");
        CrawlReport report = await(run.run(List.of(0, 1, 2)));

        long pages = report.summary().pages();
        long messages = counted.messages() + run.boardOperations();
        long boardMessages = counted.byKind().getOrDefault("board", 0L) + run.boardOperations();
        String what = messages + " messages (" + counted.byKind() + ", " + run.boardOperations()
                + " board map operations) for " + pages + " pages";
        assertThat(pages).isGreaterThan(900);
        assertThat((double) boardMessages / pages).as("the board's share: " + what).isLessThan(0.075);
        assertThat((double) messages / pages).as(what).isLessThan(0.2);
    }
}
