package dev.crawlcase.crawler.output;

import io.vertx.core.json.JsonObject;

/** The JSON form of a {@link CrawlRecord}: one object per JSONL line, null fields left out. */
public final class CrawlRecordJson {
    private CrawlRecordJson() {
    }

    public static JsonObject toJson(CrawlRecord r) {
        JsonObject j = new JsonObject();
        put(j, "url", r.url());
        put(j, "finalUrl", r.finalUrl());
        put(j, "status", r.status());
        j.put("depth", r.depth());
        j.put("bytes", r.bytes());
        put(j, "contentType", r.contentType());
        put(j, "title", r.title());
        j.put("links", r.links());
        j.put("fetchMs", r.fetchMs());
        j.put("attempts", r.attempts());
        j.put("outcome", r.outcome());
        put(j, "reason", r.reason());
        if (r.truncated()) {
            j.put("truncated", true);
        }
        put(j, "mode", r.mode());
        return j;
    }

    public static CrawlRecord fromJson(JsonObject j) {
        return new CrawlRecord(j.getString("url"), j.getString("finalUrl"), j.getInteger("status"),
                j.getInteger("depth"), j.getLong("bytes", 0L), j.getString("contentType"), j.getString("title"),
                j.getInteger("links", 0), j.getLong("fetchMs", 0L), j.getInteger("attempts", 0),
                j.getString("outcome"), j.getString("reason"), j.getBoolean("truncated", false), j.getString("mode"));
    }

    private static void put(JsonObject j, String key, Object value) {
        if (value != null) {
            j.put(key, value);
        }
    }
}
