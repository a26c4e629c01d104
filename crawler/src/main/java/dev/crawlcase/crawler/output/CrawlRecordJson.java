package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;

import io.vertx.core.json.JsonObject;

/**
 * The one JSON form of a {@link CrawlRecord}, used by the JSONL writer and by everything that reads the file back.
 * Keys follow the record's component order; null fields are omitted.
 */
public final class CrawlRecordJson {

    private CrawlRecordJson() {
    }

    public static JsonObject toJson(CrawlRecord r) {
        JsonObject json = new JsonObject();
        put(json, "url", r.url());
        put(json, "finalUrl", r.finalUrl());
        put(json, "status", r.status());
        json.put("depth", r.depth());
        json.put("bytes", r.bytes());
        put(json, "contentType", r.contentType());
        put(json, "title", r.title());
        json.put("links", r.links());
        json.put("fetchMs", r.fetchMs());
        json.put("attempts", r.attempts());
        put(json, "outcome", r.outcome() == null ? null : r.outcome().label());
        put(json, "reason", r.reason());
        json.put("truncated", r.truncated());
        put(json, "mode", r.mode() == null ? null : r.mode().label());
        return json;
    }

    /** Reads a record back; absent fields become null, 0 or false; an unknown outcome or mode is an error. */
    public static CrawlRecord fromJson(JsonObject json) {
        return new CrawlRecord(json.getString("url"), json.getString("finalUrl"), json.getInteger("status"),
                json.getInteger("depth", 0), json.getLong("bytes", 0L), json.getString("contentType"),
                json.getString("title"), json.getInteger("links", 0), json.getLong("fetchMs", 0L),
                json.getInteger("attempts", 0), outcome(json.getString("outcome")), json.getString("reason"),
                json.getBoolean("truncated", false), mode(json.getString("mode")));
    }

    /** One JSONL line, without the line break. */
    public static String toLine(CrawlRecord record) {
        return toJson(record).encode();
    }

    public static CrawlRecord fromLine(String line) {
        return fromJson(new JsonObject(line));
    }

    private static Outcome outcome(String label) {
        return label == null ? null : Outcome.parse(label);
    }

    private static Mode mode(String label) {
        return label == null ? null : Mode.parse(label);
    }

    private static void put(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
