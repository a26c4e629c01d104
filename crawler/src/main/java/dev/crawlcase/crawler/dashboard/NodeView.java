package dev.crawlcase.crawler.dashboard;

import io.vertx.core.json.JsonObject;

/**
 * One node of a cluster as the dashboard's cluster view shows it.
 *
 * @param node           the node's id
 * @param role           what it does: its role (frontier, fetcher) or the shards it owns
 * @param mode           the mode its fetcher runs, or "-" for a node that does not fetch
 * @param pagesPerSecond its recent rate
 */
public record NodeView(String node, String role, String mode, double pagesPerSecond) {
    /** The view from its {@link #toJson()} form. */
    public static NodeView fromJson(JsonObject json) {
        return new NodeView(json.getString("node"), json.getString("role"), json.getString("mode"),
                json.getDouble("pagesPerSecond", 0.0));
    }

    public JsonObject toJson() {
        return new JsonObject().put("node", node).put("role", role).put("mode", mode)
                .put("pagesPerSecond", pagesPerSecond);
    }
}
