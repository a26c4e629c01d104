package dev.crawlcase.crawler.cluster;

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
 * seeds or another part count than the crawl was started with, are refused with one line naming the flag.
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
                .rootCause().hasMessageContaining("already has 2 nodes");

        List<String> seeds = List.of("http://127.0.0.1:8081/");
        assertThat(await(CrawlDefinition.offer(a, crawl, seeds, 2)).seeds()).isEqualTo(seeds);
        assertThat(await(CrawlDefinition.await(c, crawl, 2, null)).seeds()).isEqualTo(seeds);
        assertThatThrownBy(() -> await(CrawlDefinition.offer(b, crawl, List.of("http://127.0.0.1:8082/"), 2)))
                .rootCause().hasMessageContaining("other seeds");
        assertThatThrownBy(() -> await(CrawlDefinition.offer(b, crawl, seeds, 3)))
                .rootCause().hasMessageContaining("runs on 2 nodes");
    }
}
