package dev.crawlcase.crawler.state;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One checkpoint's worth of changes, written and committed together: URLs found (value: depth, or a done mark)
 * and the JSON lines of the records, numbered from {@code firstSeq}. Applying a batch again, or a batch whose
 * changes a store already has, changes nothing ({@link #kept}, records by sequence number), so a store can be
 * brought up to date from a copy of the batches ({@link JournalCopy}) whatever it already held of them.
 */
public record StateBatch(Map<String, Integer> found, List<String> recordLines, long firstSeq) {
    /**
     * What a URL's entry becomes when {@code found} comes after {@code old} (null: none yet): a done mark wins
     * over a depth and stays; of two depths the smaller stays. A part's own URLs only ever come back shallower or
     * done; a URL it handed off to another part may come back deeper, and must keep the depth it was first sent at.
     */
    static int kept(Integer old, int found) {
        if (old == null || found < 0) {
            return found;
        }
        return old < 0 ? old : Math.min(old, found);
    }

    /** A batch with no changes (what a fence in a journal's copy stands for). */
    public static StateBatch empty() {
        return new StateBatch(Map.of(), List.of(), 0);
    }

    public boolean isEmpty() {
        return found.isEmpty() && recordLines.isEmpty();
    }

    /** The batch as one JSON object, its URLs in the order they came. */
    public JsonObject toJson() {
        JsonObject urls = new JsonObject();
        found.forEach(urls::put);
        return new JsonObject().put("found", urls).put("records", new JsonArray(List.copyOf(recordLines)))
                .put("firstSeq", firstSeq);
    }

    /** The batch {@link #toJson} wrote. */
    public static StateBatch fromJson(JsonObject json) {
        Map<String, Integer> found = new LinkedHashMap<>();
        json.getJsonObject("found").forEach(e -> found.put(e.getKey(), ((Number) e.getValue()).intValue()));
        List<String> lines = json.getJsonArray("records").stream().map(String.class::cast).toList();
        return new StateBatch(found, lines, json.getLong("firstSeq"));
    }
}
