package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.Config;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.Tags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two members whose journal copies keep no backup (a config this crawler refuses; here only to lose entries for
 * sure): when one member dies, the other's watch learns that every copy of some entries is gone, says so, and no
 * longer counts the copies whole, so no part is rebuilt from them with batches missing.
 */
@Tag(Tags.NEWEST_JDK)
class CopyWatchTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void aMemberLossThatTakesEveryCopyOfSomeEntriesMakesTheCopiesNotWhole() {
        String name = ClusterFixtures.uniqueClusterName();
        CrawlAddresses crawl = new CrawlAddresses("watched");
        Vertx a = kit.adopt(await(ClusterVertx.start(noBackups(name), "127.0.0.1")));
        // closed after the test too: its member is terminated below, its Vert.x is not
        Vertx b = kit.adopt(await(ClusterVertx.start(noBackups(name), "127.0.0.1")));
        // the partitions that move to the second member once it joins: the entries put there die with it
        var partitions = ClusterVertx.hazelcast(a).getPartitionService();
        var onB = ClusterVertx.hazelcast(b).getCluster().getLocalMember();
        CrawlerProcess.awaitCondition(60, "partitions of the journals' map on the member that dies",
                () -> partitions.isClusterSafe() && java.util.stream.IntStream.range(0, 200)
                        .anyMatch(i -> onB.equals(partitions.getPartition("0/c/" + i).getOwner())));
        List<String> said = new CopyOnWriteArrayList<>();
        CopyWatch watch = CopyWatch.start(a, crawl, said::add);
        AsyncMap<String, String> map = await(a.sharedData().getAsyncMap(crawl.journalMap()));
        List<Future<Void>> puts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            puts.add(map.put("0/c/" + i, "batch " + i));
        }
        await(Future.all(puts));
        assertThat(watch.whole()).isTrue();

        ClusterVertx.hazelcast(b).getLifecycleService().terminate();
        CrawlerProcess.awaitCondition(60, "the watch to learn of the lost entries", () -> !watch.whole());
        assertThat(said).anyMatch(line -> line.contains("lost every copy of some journal entries"));
    }

    private static Config noBackups(String name) {
        Config config = ClusterFixtures.hazelcast(name);
        config.getMapConfig("crawlcase.journal.*").setBackupCount(0);
        return config;
    }
}
