package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every node of a sharded crawl must agree on, kept in the cluster's shared data: the seeds (they also draw
 * the crawl's scope, which every part applies to its own hosts), the number of parts and which part each seed's host
 * was dealt to (the {@link ShardMap}: every node places every host by it). Any node may be given the seeds; the
 * first one given them writes the definition, the others read it (and wait for it if no node has it yet). A node
 * that brings other seeds, another part count or another deal is refused with one line.
 */
public final class CrawlDefinition {
    private static final String KEY = "definition";
    private static final long WAIT_STEP_MS = 200;

    /** The agreed seeds, part count and deal of the seeds' hosts. */
    public record Agreed(List<String> seeds, ShardMap map) {
        public Agreed {
            seeds = List.copyOf(seeds);
            Objects.requireNonNull(map, "map");
        }

        /** A new crawl's definition: the hosts of its seeds dealt evenly to its parts. */
        public static Agreed dealt(List<String> seeds, int parts) {
            return new Agreed(seeds, ShardMap.dealing(seeds, parts));
        }

        public int parts() {
            return map.shards();
        }

        /**
         * The JSON form: {@code seeds}, {@code parts} and {@code hosts} (host key to part, in the order dealt).
         */
        public JsonObject toJson() {
            JsonObject hosts = new JsonObject();
            map.dealt().forEach(hosts::put);
            return new JsonObject().put("seeds", new JsonArray(seeds)).put("parts", parts()).put("hosts", hosts);
        }

        /**
         * The definition of its {@link #toJson} form; a definition written before hosts were dealt has no
         * {@code hosts}, and places every host by the hash, as it did then.
         *
         * @throws IllegalArgumentException (or a ClassCastException, NullPointerException) when it is not one
         */
        public static Agreed fromJson(JsonObject json) {
            Map<String, Integer> dealt = new LinkedHashMap<>();
            JsonObject hosts = json.getJsonObject("hosts", new JsonObject());
            hosts.fieldNames().forEach(host -> dealt.put(host, hosts.getInteger(host)));
            return new Agreed(json.getJsonArray("seeds").stream().map(String::valueOf).toList(),
                    new ShardMap(json.getInteger("parts"), dealt));
        }
    }

    private CrawlDefinition() {
    }

    /**
     * Writes the definition, or checks it against the one already written: a new crawl's ({@link Agreed#dealt}), or
     * the one a resumed crawl's state folder keeps.
     */
    public static Future<Agreed> offer(Vertx vertx, CrawlAddresses crawl, Agreed offered) {
        String value = offered.toJson().encode();
        return vertx.sharedData().<String, String>getAsyncMap(mapName(crawl))
                .compose(m -> m.putIfAbsent(KEY, value))
                .compose(previous -> {
                    if (previous == null) {
                        return Future.succeededFuture(offered);
                    }
                    Agreed there = parse(previous);
                    if (there.parts() != offered.parts()) {
                        return Future.failedFuture(otherParts(crawl, there.parts(), offered.parts()));
                    }
                    if (!there.seeds().equals(offered.seeds())) {
                        return Future.failedFuture(new ConfigException("", "crawl '" + crawl.crawlId()
                                + "' was started with other seeds " + there.seeds() + "; give seeds to one node only,"
                                + " or the same ones"));
                    }
                    if (!there.map().equals(offered.map())) {
                        return Future.failedFuture(new ConfigException("", "crawl '" + crawl.crawlId()
                                + "' deals its seeds' hosts to its parts otherwise than this node would (one of them"
                                + " resumed a state folder written before hosts were dealt?); join it without seeds"));
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
                    agreed.fail(otherParts(crawl, there.parts(), parts));
                } else {
                    agreed.complete(there);
                }
            }
        });
    }

    private static ConfigException otherParts(CrawlAddresses crawl, int there, int offered) {
        return new ConfigException("--parts", "crawl '" + crawl.crawlId() + "' runs in " + there + " parts, not "
                + offered + " (give every node its --nodes and --parts)");
    }

    private static Agreed parse(String value) {
        return Agreed.fromJson(new JsonObject(value));
    }

    static String mapName(CrawlAddresses crawl) {
        return "crawlcase." + crawl.crawlId() + ".crawl";
    }
}
