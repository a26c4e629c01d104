package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.HttpProtocol;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;

import dev.crawlcase.crawler.task.PageDetails;
import dev.crawlcase.crawler.task.ResponseCapture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

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
        put(json, "robots", r.robots());
        if (r.details() != null) {
            json.put("details", details(r.details()));
        }
        put(json, "httpVersion", r.httpVersion() == null ? null : r.httpVersion().label());
        put(json, "wireBytes", r.wireBytes());
        if (r.kind() != FetchTask.Kind.PAGE) { // a page's kind is left out: the default record stays small
            json.put("kind", r.kind().label());
        }
        return json;
    }

    /** A full record's page details, one object: outlinks, dropped, headers, sha256, canonical, text. */
    private static JsonObject details(PageDetails d) {
        JsonObject json = new JsonObject();
        json.put("outlinks", new JsonArray(new ArrayList<>(d.outlinks())));
        JsonArray dropped = new JsonArray();
        d.dropped().forEach(l -> dropped.add(new JsonObject().put("href", l.href()).put("reason", l.reason().label())));
        json.put("dropped", dropped);
        JsonArray headers = new JsonArray();
        d.headers().forEach(h -> headers.add(new JsonArray().add(h.name()).add(h.value())));
        json.put("headers", headers);
        put(json, "sha256", d.sha256());
        put(json, "canonical", d.canonical());
        put(json, "text", d.text());
        return json;
    }

    private static PageDetails details(JsonObject json) {
        if (json == null) {
            return null;
        }
        JsonArray outlinks = json.getJsonArray("outlinks", new JsonArray());
        List<PageDetails.DroppedLink> dropped = new ArrayList<>();
        json.getJsonArray("dropped", new JsonArray()).forEach(o -> {
            JsonObject l = (JsonObject) o;
            dropped.add(new PageDetails.DroppedLink(l.getString("href"), PageDetails.DropReason.parse(l.getString("reason"))));
        });
        List<ResponseCapture.Header> headers = new ArrayList<>();
        json.getJsonArray("headers", new JsonArray()).forEach(o -> {
            JsonArray h = (JsonArray) o;
            headers.add(new ResponseCapture.Header(h.getString(0), h.getString(1)));
        });
        return new PageDetails(outlinks.stream().map(String::valueOf).toList(), dropped, headers,
                json.getString("sha256"), json.getString("canonical"), json.getString("text"));
    }

    /**
     * Reads a record back; absent fields become null, 0 or false (so a record written before a field existed reads
     * as unknown there); an unknown outcome, mode or HTTP version is an error.
     */
    public static CrawlRecord fromJson(JsonObject json) {
        return new CrawlRecord(json.getString("url"), json.getString("finalUrl"), json.getInteger("status"),
                json.getInteger("depth", 0), json.getLong("bytes", 0L), json.getString("contentType"),
                json.getString("title"), json.getInteger("links", 0), json.getLong("fetchMs", 0L),
                json.getInteger("attempts", 0), outcome(json.getString("outcome")), json.getString("reason"),
                json.getBoolean("truncated", false), mode(json.getString("mode")),
                json.getString("robots"), details(json.getJsonObject("details")),
                protocol(json.getString("httpVersion")), json.getLong("wireBytes"), kind(json.getString("kind")));
    }

    private static FetchTask.Kind kind(String label) {
        if (label == null) {
            return FetchTask.Kind.PAGE;
        }
        for (FetchTask.Kind k : FetchTask.Kind.values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown record kind: " + label);
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

    private static HttpProtocol protocol(String label) {
        return label == null ? null : HttpProtocol.parse(label);
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
