package dev.crawlcase.crawler.cluster;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clustered node watched on its dashboard is metered like {@code run}'s Vert.x: its own series (the clustered
 * event bus, its pools) reach the registry its {@code /metrics} scrapes. {@code ClusterNodePagesTest} checks the
 * same through real node JVMs' {@code /metrics}.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterVertxMetricsTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void aMeteredNodesVertxReportsItsOwnSeries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx node = kit.adopt(await(ClusterVertx.start(
                ClusterFixtures.hazelcast(ClusterFixtures.uniqueClusterName()), "127.0.0.1", Optional.of(registry))));
        node.eventBus().consumer("metered-node", m -> m.reply("pong"));
        assertThat(await(node.eventBus().request("metered-node", "ping")).body()).isEqualTo("pong");

        assertThat(registry.scrape()).contains("vertx_eventbus_handlers").contains("vertx_eventbus_processed")
                .contains("vertx_pool_");
    }
}
