package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.run.PartLocks;
import dev.crawlcase.crawler.shard.ShardMap;
import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parts are claimed first free first, one per node or up to a node's share. A node that finds none free is refused
 * with one line when the crawl keeps no state (with one it joins with none and waits), and so is a node that brings
 * other seeds, another part count or another deal of the seeds' hosts than the crawl was started with.
 */
@Tag(Tags.NEWEST_JDK)
class PartClaimTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void eachNodeTakesTheFirstFreePartAndOneTooManyIsRefused() {
        String cluster = ClusterFixtures.uniqueClusterName();
        CrawlAddresses crawl = new CrawlAddresses("claims");
        Vertx a = ClusterFixtures.join(kit, cluster);
        Vertx b = ClusterFixtures.join(kit, cluster);
        Vertx c = ClusterFixtures.join(kit, cluster);

        assertThat(await(PartClaim.claim(a, crawl, 2)).part()).isZero();
        assertThat(await(PartClaim.claim(b, crawl, 2)).part()).isEqualTo(1);
        assertThatThrownBy(() -> await(PartClaim.claim(c, crawl, 2))).hasRootCauseInstanceOf(ConfigException.class)
                .rootCause().hasMessageContaining("already has every one of its 2 parts taken; a node joins a running crawl"
                        + " only with --state DIR");

        // four parts: each of the first two nodes takes its share of two, a third finds none and may wait
        CrawlAddresses more = new CrawlAddresses("shares");
        assertThat(await(PartClaim.claim(a, more, 4, 2, true))).extracting(PartLocks.Held::part).containsExactly(0, 1);
        assertThat(await(PartClaim.claim(b, more, 4, 2, true))).extracting(PartLocks.Held::part).containsExactly(2, 3);
        assertThat(await(PartClaim.claim(c, more, 4, 2, true))).isEmpty();
        assertThatThrownBy(() -> await(PartClaim.claim(c, more, 4, 2, false))).rootCause()
                .hasMessageContaining("already has every one of its 4 parts taken");

        List<String> seeds = List.of("http://127.0.0.1:8081/");
        assertThat(await(CrawlDefinition.offer(a, crawl, CrawlDefinition.Agreed.dealt(seeds, 2))).seeds())
                .isEqualTo(seeds);
        assertThat(await(CrawlDefinition.await(c, crawl, 2, null))).isEqualTo(CrawlDefinition.Agreed.dealt(seeds, 2));
        assertThatThrownBy(() -> await(CrawlDefinition.offer(b, crawl,
                CrawlDefinition.Agreed.dealt(List.of("http://127.0.0.1:8082/"), 2))))
                .rootCause().hasMessageContaining("other seeds");
        assertThatThrownBy(() -> await(CrawlDefinition.offer(b, crawl, CrawlDefinition.Agreed.dealt(seeds, 3))))
                .rootCause().hasMessageContaining("runs in 2 parts, not 3");
        // a node resuming a folder written before hosts were dealt would place the seed's host by the hash alone
        assertThatThrownBy(() -> await(CrawlDefinition.offer(b, crawl,
                new CrawlDefinition.Agreed(seeds, new ShardMap(2)))))
                .rootCause().hasMessageContaining("deals its seeds' hosts to its parts otherwise");
    }
}
