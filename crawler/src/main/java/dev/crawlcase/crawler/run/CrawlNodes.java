package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.spi.cluster.ClusterManager;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The nodes running one sharded crawl now, and how many parts each holds: an entry per node in the crawl's shared
 * map, counted only while its cluster member is in the cluster, so a node that died stops counting at once (other
 * crawls and old-style fetchers may share the cluster; they have no entry here). What {@link FairShare} reads.
 */
public final class CrawlNodes {
    private final Vertx vertx;
    private final String mapName;
    /** This node's entry: its cluster member's id, then one of its own (several runs may share a member). */
    private final String id;

    public CrawlNodes(Vertx vertx, CrawlAddresses crawl) {
        this.vertx = vertx;
        this.mapName = crawl.nodesMap();
        ClusterManager members = members(vertx);
        this.id = (members == null ? "local" : members.getNodeId()) + "/" + UUID.randomUUID();
    }

    /** This node's id in {@link #holdings}. */
    public String id() {
        return id;
    }

    /** Says this node holds {@code parts} parts (0: it runs the crawl and waits for one). */
    public Future<Void> holding(int parts) {
        return map().compose(m -> m.put(id, parts));
    }

    /** How many parts each node of the crawl holds, by node id: the nodes whose member is in the cluster now. */
    public Future<Map<String, Integer>> holdings() {
        return map().compose(AsyncMap::entries).map(entries -> {
            ClusterManager members = members(vertx);
            Set<String> live = members == null ? null : new HashSet<>(members.getNodes());
            Map<String, Integer> out = new HashMap<>();
            entries.forEach((node, held) -> {
                if (live == null || live.contains(member(node))) {
                    out.put(node, held);
                }
            });
            return out;
        });
    }

    /** Takes this node's entry away (it leaves the crawl). */
    public Future<Void> leave() {
        return map().compose(m -> m.remove(id)).mapEmpty();
    }

    private static String member(String node) {
        int slash = node.lastIndexOf('/');
        return slash < 0 ? node : node.substring(0, slash);
    }

    private static ClusterManager members(Vertx vertx) {
        return vertx instanceof VertxInternal internal ? internal.clusterManager() : null;
    }

    private Future<AsyncMap<String, Integer>> map() {
        return vertx.sharedData().getAsyncMap(mapName);
    }
}
