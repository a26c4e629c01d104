package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.shard.GateSlot;
import dev.crawlcase.crawler.shard.GateView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.util.function.Function;

/**
 * The crawl-wide board of a sharded crawl, kept as ONE entry of a Vert.x shared-data map (a Hazelcast IMap entry
 * on a cluster, a local map in one JVM), so that every read is one consistent view of all parts' slots: reading
 * slot by slot could miss a URL that moves from one part to another between two reads. A part writes its slot
 * with compare-and-set on the whole entry; each write raises the version, and a view is adopted only if newer.
 */
public final class BoardStore {
    private static final String KEY = "board";

    /** A view of the board and the version it had. */
    public record Versioned(long version, GateView view) {
    }

    private final Vertx vertx;
    private final String mapName;
    private final int parts;
    private Versioned current;
    /** The entry's text as this store last read, wrote or was told it (null: not known). */
    private String lastValue;
    private long mapOperations;

    public BoardStore(Vertx vertx, String mapName, int parts) {
        this.vertx = vertx;
        this.mapName = mapName;
        this.parts = parts;
        this.current = new Versioned(0, GateView.unknown(parts));
    }

    /** The latest view this store has seen. */
    public GateView current() {
        return current.view();
    }

    /** Adopts {@code v} if it is newer than what this store has seen; whether it was. */
    boolean newer(Versioned v) {
        if (v.version() <= current.version()) {
            return false;
        }
        current = v;
        return true;
    }

    /**
     * Adopts a board another part published ({@link #toJson}) if it is newer; whether it was. Its text is then
     * the entry's value as far as this store knows, so the next write may swap it without reading it first.
     */
    boolean newer(JsonObject published) {
        if (!newer(fromJson(published))) {
            return false;
        }
        lastValue = published.encode();
        return true;
    }

    /** Operations on the shared map so far (each a round trip to the entry's owner on a cluster). */
    public long mapOperations() {
        return mapOperations;
    }

    /** The board as it is in the map now. */
    Future<Versioned> read() {
        mapOperations++;
        return map().compose(m -> m.get(KEY)).map(value -> {
            Versioned v = parse(value);
            if (v.version() >= current.version()) {
                lastValue = value;
            }
            return v;
        });
    }

    /**
     * Writes part {@code part}'s slot, made by {@code slot} from the board as it is just before the write (again
     * on each retry of the compare-and-set), keeping every other part's slot; the board after the write. The
     * first try swaps the value this store saw last without reading it (one operation when nobody wrote since);
     * a failed swap reads the entry and tries again.
     */
    Future<Versioned> write(int part, Function<GateView, GateSlot> slot) {
        return map().compose(m -> lastValue == null ? readAndSwap(m, part, slot) : swap(m, lastValue, part, slot));
    }

    private Future<Versioned> readAndSwap(AsyncMap<String, String> m, int part, Function<GateView, GateSlot> slot) {
        mapOperations++;
        return m.get(KEY).compose(old -> swap(m, old, part, slot));
    }

    private Future<Versioned> swap(AsyncMap<String, String> m, String old, int part,
                                   Function<GateView, GateSlot> slot) {
        mapOperations++;
        Versioned before = parse(old);
        Versioned after = new Versioned(before.version() + 1, before.view().with(part, slot.apply(before.view())));
        String value = toJson(after).encode();
        Future<Boolean> swapped = old == null
                ? m.putIfAbsent(KEY, value).map(previous -> previous == null)
                : m.replaceIfPresent(KEY, old, value);
        return swapped.compose(ok -> {
            if (!ok) {
                return readAndSwap(m, part, slot);
            }
            lastValue = value;
            return Future.succeededFuture(after);
        });
    }

    private Future<AsyncMap<String, String>> map() {
        return vertx.sharedData().getAsyncMap(mapName);
    }

    private Versioned parse(String value) {
        return value == null ? new Versioned(0, GateView.unknown(parts)) : fromJson(new JsonObject(value));
    }

    static JsonObject toJson(Versioned v) {
        JsonArray mins = new JsonArray();
        JsonArray finished = new JsonArray();
        JsonArray pages = new JsonArray();
        JsonArray starved = new JsonArray();
        for (int i = 0; i < v.view().shards(); i++) {
            GateSlot slot = v.view().slot(i);
            mins.add(slot.minDepth());
            finished.add(slot.finished());
            pages.add(slot.pages());
            starved.add(slot.starved());
        }
        return new JsonObject().put("version", v.version()).put("min", mins).put("finished", finished)
                .put("pages", pages).put("starved", starved);
    }

    static Versioned fromJson(JsonObject json) {
        JsonArray mins = json.getJsonArray("min");
        JsonArray finished = json.getJsonArray("finished");
        JsonArray pages = json.getJsonArray("pages");
        JsonArray starved = json.getJsonArray("starved");
        GateSlot[] slots = new GateSlot[mins.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new GateSlot(mins.getInteger(i), finished.getBoolean(i), pages.getLong(i),
                    starved.getBoolean(i));
        }
        return new Versioned(json.getLong("version"), new GateView(slots));
    }
}
