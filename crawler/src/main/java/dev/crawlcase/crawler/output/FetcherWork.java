package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * One fetcher's share of a cluster frontier's crawl, for its table and summary.json's {@code fetchers} array: which
 * fetcher (its mode, concurrency and process) and how many page requests it made (attempts, retries included,
 * robots.txt not counted). What became of each URL is in the records; only the frontier decides that.
 */
public record FetcherWork(Mode mode, int concurrency, long pid, long pageRequests) {

    public JsonObject toJson() {
        return new JsonObject().put("mode", mode.label()).put("concurrency", concurrency).put("pid", pid)
                .put("pageRequests", pageRequests);
    }

    /** summary.json's {@code fetchers} array, in the order given. */
    public static JsonArray toJson(List<FetcherWork> fetchers) {
        JsonArray array = new JsonArray();
        fetchers.forEach(f -> array.add(f.toJson()));
        return array;
    }
}
