package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import dev.crawlcase.crawler.run.CrawlerVertx;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * A clustered Vert.x for one crawl node: Hazelcast keeps the membership and the event-bus subscriptions, and the
 * event bus itself listens on {@code host} (127.0.0.1 unless told otherwise) on a free port. Other nodes send
 * lease requests, replies and results straight to that address.
 */
public final class ClusterVertx {
    private static final Map<Vertx, HazelcastClusterManager> MANAGERS = Collections.synchronizedMap(new WeakHashMap<>());

    private ClusterVertx() {
    }

    public static Future<Vertx> start(Config hazelcast, String host) {
        return start(hazelcast, host, Optional.empty());
    }

    /**
     * Like {@link #start(Config, String)}, Vert.x's own meters going to {@code meteredInto} when given (a node
     * watched on its dashboard), set up as on every crawler Vert.x ({@link CrawlerVertx#builder}).
     */
    public static Future<Vertx> start(Config hazelcast, String host, Optional<PrometheusMeterRegistry> meteredInto) {
        EventBusOptions bus = new EventBusOptions().setHost(host).setPort(0).setClusterPublicHost(host);
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast);
        return CrawlerVertx.builder(CrawlerVertx.options().setEventBusOptions(bus), meteredInto)
                .withClusterManager(manager)
                .buildClustered()
                .onSuccess(vertx -> MANAGERS.put(vertx, manager));
    }

    /** The Hazelcast member under a Vert.x this class started (what the event bus and shared data run on). */
    static HazelcastInstance hazelcast(Vertx vertx) {
        HazelcastClusterManager manager = MANAGERS.get(vertx);
        if (manager == null) {
            throw new IllegalArgumentException("not a Vert.x started by ClusterVertx");
        }
        return manager.getHazelcastInstance();
    }
}
