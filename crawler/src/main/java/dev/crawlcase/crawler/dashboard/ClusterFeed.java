package dev.crawlcase.crawler.dashboard;

import java.util.List;

/**
 * What a cluster tells the dashboard about its nodes; read on the dashboard's timer, from its thread, so an
 * implementation returns what it last heard rather than asking the nodes.
 */
@FunctionalInterface
public interface ClusterFeed {
    List<NodeView> nodes();
}
