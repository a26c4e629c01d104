package dev.crawlcase.sites;

import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The JSON manifest of a world and the ground truth of one crawl of it. */
final class Manifest {
    private Manifest() {
    }

    static JsonObject of(WorldConfig config, Map<String, String> baseUrls, CrawlRules rules, GroundTruth truth) {
        JsonObject bases = new JsonObject();
        baseUrls.forEach(bases::put);
        JsonObject pages = new JsonObject();
        truth.pages().forEach(pages::put);
        JsonArray requests = new JsonArray();
        truth.requests().values().forEach(r -> requests.add(new JsonObject()
                .put("url", r.url())
                .put("site", r.site())
                .put("depth", r.depth())
                .put("kind", r.kind().name())
                .put("parents", new JsonArray(r.parents()))
                .put("bodyBytes", r.bodyBytes())));
        return new JsonObject()
                .put("seed", config.seed())
                .put("baseUrls", bases)
                .put("rules", new JsonObject()
                        .put("obeyRobots", rules.obeyRobots())
                        .put("maxDepth", rules.maxDepth())
                        .put("sortQuery", rules.sortQuery())
                        .put("respectNofollow", rules.respectNofollow())
                        .put("maxRedirects", rules.maxRedirects())
                        .put("sites", new JsonArray(rules.sites())))
                .put("pageCount", truth.pages().size())
                .put("requestCount", truth.requests().size())
                .put("pages", pages)
                .put("requests", requests);
    }
}
