package dev.crawlcase.crawler.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark worlds, one site each, written as ordinary sites.json files (see {@code config/sites.json} for the
 * format) into the run's folder, so that every run can be repeated with {@code crawler sites --config FILE}.
 * No faults anywhere: the benchmarks measure the I/O models, not retries.
 */
final class BenchWorlds {
    static final long SEED = 7;

    private BenchWorlds() {
    }

    /**
     * C10K: small pages, every response after exactly 1 s; 3 levels, so ~2/3 of the pages sit at depth 2. The site
     * also speaks h2c (HTTP/1.1 stays as it was), for the scenario's HTTP/2 rows.
     */
    static JsonObject c10k(int pages) {
        return world(site("c10k", pages, 3, uniform(3, 8), fixed(2000), 1000)).put("http2", true);
    }

    /** Throughput: small pages (~3 KB), no latency at all; h2c offered too, for the HTTP/2 rows. */
    static JsonObject throughput(int pages) {
        return world(site("tp", pages, 4, uniform(3, 8), fixed(2000), 0)).put("http2", true);
    }

    /** Parse-bound: large pages (~250 KB of text plus 2,000-4,000 links, ~450 KB in all), no latency. */
    static JsonObject parse(int pages) {
        return world(site("parse", pages, 3, uniform(2000, 4000), fixed(250_000), 0));
    }

    /** Memory: 2 levels, so the root links to every other page; every response after 3 s. */
    static JsonObject memory(int pages) {
        return world(site("mem", pages, 2, uniform(3, 8), fixed(1000), 3000));
    }

    static Path write(Path dir, String name, JsonObject world) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "-sites.json");
            Files.writeString(file, world.encodePrettily(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject world(JsonObject site) {
        return new JsonObject().put("seed", SEED).put("sites", new JsonArray().add(site));
    }

    private static JsonObject site(String name, int pages, int levels, JsonObject outDegree, JsonObject pageBytes,
                                   long latencyMs) {
        return new JsonObject().put("name", name).put("port", 0).put("pages", pages).put("levels", levels)
                .put("outDegree", outDegree).put("pageBytes", pageBytes).put("latency", fixed(latencyMs));
    }

    private static JsonObject fixed(long value) {
        return new JsonObject().put("type", "fixed").put("value", value);
    }

    private static JsonObject uniform(int min, int max) {
        return new JsonObject().put("type", "uniform").put("min", min).put("max", max);
    }
}
