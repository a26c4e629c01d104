package dev.crawlcase.crawler.cluster;

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
 * Parts are claimed one per node, first free first; a node beyond the crawl's parts, and a node that brings other
 * seeds, another part count or another deal of the seeds' hosts than the crawl was started with, are refused with
 * one line.
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
