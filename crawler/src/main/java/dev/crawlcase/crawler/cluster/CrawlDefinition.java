package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * What every node of a sharded crawl must agree on, kept in the cluster's shared data: the seeds (they also draw
 * the crawl's scope, which every part applies to its own hosts) and the number of parts. Any node may be given the
 * seeds; the first one given them writes the definition, the others read it (and wait for it if no node has it
 * yet). A node that brings other seeds or another part count is refused with one line.
 */
public final class CrawlDefinition {
    private static final String KEY = "definition";
    private static final long WAIT_STEP_MS = 200;

    /** The agreed seeds and part count. */
    public record Agreed(List<String> seeds, int parts) {
    }

    private CrawlDefinition() {
    }

    /** Writes the definition, or checks it against the one already written. */
    public static Future<Agreed> offer(Vertx vertx, CrawlAddresses crawl, List<String> seeds, int parts) {
        String value = new JsonObject().put("seeds", new JsonArray(seeds)).put("parts", parts).encode();
        return vertx.sharedData().<String, String>getAsyncMap(mapName(crawl))
                .compose(m -> m.putIfAbsent(KEY, value))
                .compose(previous -> {
                    if (previous == null) {
                        return Future.succeededFuture(new Agreed(List.copyOf(seeds), parts));
                    }
                    Agreed there = parse(previous);
                    if (there.parts() != parts) {
                        return Future.failedFuture(new ConfigException("--nodes", "crawl '" + crawl.crawlId()
                                + "' runs on " + there.parts() + " nodes, not " + parts));
                    }
                    if (!there.seeds().equals(seeds)) {
                        return Future.failedFuture(new ConfigException("", "crawl '" + crawl.crawlId()
                                + "' was started with other seeds " + there.seeds() + "; give seeds to one node only,"
                                + " or the same ones"));
                    }
                    return Future.succeededFuture(there);
                });
    }

    /** The definition as the cluster has it now, or null when no node wrote one yet. */
    public static Future<Agreed> current(Vertx vertx, CrawlAddresses crawl) {
        return vertx.sharedData().<String, String>getAsyncMap(mapName(crawl)).compose(m -> m.get(KEY))
                .map(v -> v == null ? null : parse(v));
    }

    /** The definition another node wrote; waits until one has, calling {@code waiting} once if it must. */
    public static Future<Agreed> await(Vertx vertx, CrawlAddresses crawl, int parts, Runnable waiting) {
        Promise<Agreed> agreed = Promise.promise();
        poll(vertx, crawl, parts, waiting, agreed);
        return agreed.future();
    }

    private static void poll(Vertx vertx, CrawlAddresses crawl, int parts, Runnable waiting, Promise<Agreed> agreed) {
        vertx.sharedData().<String, String>getAsyncMap(mapName(crawl)).compose(m -> m.get(KEY)).onComplete(ar -> {
            if (ar.failed()) {
                agreed.fail(ar.cause());
            } else if (ar.result() == null) {
                if (waiting != null) {
                    waiting.run();
                }
                vertx.setTimer(WAIT_STEP_MS, id -> poll(vertx, crawl, parts, null, agreed));
            } else {
                Agreed there = parse(ar.result());
                if (there.parts() != parts) {
                    agreed.fail(new ConfigException("--nodes", "crawl '" + crawl.crawlId() + "' runs on "
                            + there.parts() + " nodes, not " + parts));
                } else {
                    agreed.complete(there);
                }
            }
        });
    }

    private static Agreed parse(String value) {
        JsonObject json = new JsonObject(value);
        return new Agreed(json.getJsonArray("seeds").stream().map(String::valueOf).toList(), json.getInteger("parts"));
    }

    static String mapName(CrawlAddresses crawl) {
        return "crawlcase." + crawl.crawlId() + ".crawl";
    }
}
