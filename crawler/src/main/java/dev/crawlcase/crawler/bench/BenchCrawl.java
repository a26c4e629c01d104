package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.List;

/**
 * A benchmark crawl's config in the crawl.json format: the given mode and concurrency, one host allowed as many
 * requests at once as the crawl (politeness is not what is measured), timeouts long enough that 10,000 requests
 * queued at one server do not time out, and records and summary in the run's folder.
 */
final class BenchCrawl {
    private BenchCrawl() {
    }

    static JsonObject config(Mode mode, int concurrency, int maxDepth, List<String> seeds, Path dir, String name) {
        return config(mode, concurrency, maxDepth, seeds, dir, name, false);
    }

    /** Like the other, over HTTP/2 ({@code fetch.httpVersion} 2: h2c by prior knowledge or upgrade) when asked. */
    static JsonObject config(Mode mode, int concurrency, int maxDepth, List<String> seeds, Path dir, String name,
                             boolean http2) {
        JsonObject crawl = new JsonObject()
                .put("mode", mode.label())
                .put("concurrency", concurrency)
                .put("maxDepth", maxDepth)
                .put("seeds", new JsonArray(List.copyOf(seeds)))
                .put("politeness", new JsonObject().put("perHostConcurrency", concurrency).put("perHostDelayMs", 0))
                .put("fetch", new JsonObject().put("connectTimeoutMs", 20_000).put("firstByteTimeoutMs", 30_000)
                        .put("totalTimeoutMs", 60_000))
                .put("leaseTimeoutMs", 180_000)
                .put("output", new JsonObject()
                        .put("records", dir.resolve(name + ".jsonl").toAbsolutePath().toString())
                        .put("summary", dir.resolve(name + "-summary.json").toAbsolutePath().toString()));
        if (http2) {
            crawl.getJsonObject("fetch").put("httpVersion", "2");
        }
        return crawl;
    }
}
