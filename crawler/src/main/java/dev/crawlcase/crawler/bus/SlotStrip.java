package dev.crawlcase.crawler.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What one fetch verticle's slots are doing, published on {@code CrawlAddresses.slots()} while a live page
 * watches: the live version of a comparison's timeline.
 *
 * @param fetcher which fetch verticle (its fetcher id)
 * @param slots   how many slots it has (its concurrency)
 * @param busy    how many of them hold a task now
 * @param shown   the busy slots, lowest first, at most {@link #MAX_SHOWN} of them
 */
public record SlotStrip(String fetcher, int slots, int busy, List<Busy> shown) {
    /** Rows a strip carries at most, whatever the concurrency, so a message and the page stay small. */
    public static final int MAX_SHOWN = 256;

    /** A busy slot: its task's URL, and when (epoch milliseconds) the slot took it. */
    public record Busy(int slot, String url, long sinceMs) {
    }

    public SlotStrip {
        shown = List.copyOf(shown);
    }

    public JsonObject toJson() {
        JsonArray rows = new JsonArray();
        shown.forEach(b -> rows.add(new JsonObject().put("slot", b.slot()).put("url", b.url())
                .put("sinceMs", b.sinceMs())));
        return new JsonObject().put("fetcher", fetcher).put("slots", slots).put("busy", busy).put("shown", rows);
    }

    public static SlotStrip fromJson(JsonObject json) {
        JsonArray rows = json.getJsonArray("shown", new JsonArray());
        List<Busy> shown = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            shown.add(new Busy(row.getInteger("slot"), row.getString("url"), row.getLong("sinceMs")));
        }
        return new SlotStrip(json.getString("fetcher"), json.getInteger("slots", 0), json.getInteger("busy", 0),
                shown);
    }
}
