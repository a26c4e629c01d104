package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.Config;
import dev.crawlcase.crawler.run.CrawlerVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A clustered Vert.x for one crawl node: Hazelcast keeps the membership and the event-bus subscriptions, and the
 * event bus itself listens on {@code host} (127.0.0.1 unless told otherwise) on a free port. Other nodes send
 * lease requests, replies and results straight to that address.
 */
public final class ClusterVertx {
    private ClusterVertx() {
    }

    public static Future<Vertx> start(Config hazelcast, String host) {
        EventBusOptions bus = new EventBusOptions().setHost(host).setPort(0).setClusterPublicHost(host);
        return Vertx.builder().with(CrawlerVertx.options().setEventBusOptions(bus))
                .withClusterManager(new HazelcastClusterManager(hazelcast))
                .buildClustered();
    }
}
