package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.util.ArrayList;
import java.util.List;

/**
 * What the parts of a sharded crawl tell each other through the cluster's shared data, each fact written once and
 * never taken back: a part started (so a free lock on it means its node is gone, not that its node has not come
 * yet; a node that hands it over says so, and the taker says it started again), a part sealed (its records file and
 * summary are whole, with what the summary says), and the crawl merged (the one records file is written: every node
 * may leave).
 */
final class PartBook {
    private static final String STARTED = "started.";
    private static final String SEALED = "sealed.";
    private static final String MERGED = "merged";
    private static final String RUNNING = "true";
    private static final String HANDED = "handed";

    /** Whether a part started in this cluster, and how its node let it go when its lock is free. */
    enum Start {
        /** Never started here: its node has not come yet (or, resumed, no node has claimed it). */
        NONE,
        /** Started: running, or its node is gone. */
        STARTED,
        /** Started, then handed over in order by its node (to a node that joined), to go on elsewhere. */
        HANDED_OVER
    }

    private final Vertx vertx;
    private final String mapName;

    PartBook(Vertx vertx, CrawlAddresses crawl) {
        this.vertx = vertx;
        this.mapName = crawl.partsMap();
    }

    Future<Void> started(int part) {
        return map().compose(m -> m.put(STARTED + part, RUNNING));
    }

    /** Part {@code part} was stopped in order here to go on on another node; said before its lock is let go. */
    Future<Void> handedOver(int part) {
        return map().compose(m -> m.put(STARTED + part, HANDED));
    }

    Future<Start> start(int part) {
        return map().compose(m -> m.get(STARTED + part))
                .map(v -> v == null ? Start.NONE : HANDED.equals(v) ? Start.HANDED_OVER : Start.STARTED);
    }

    /** Part {@code part}'s records file is whole; {@code about} is its section of the crawl's summary. */
    Future<Void> sealed(int part, JsonObject about) {
        return map().compose(m -> m.put(SEALED + part, about.encode()));
    }

    /** Every part's section, in part order, or null while a part has not sealed yet. */
    Future<List<JsonObject>> allSealed(int parts) {
        return map().compose(m -> {
            List<Future<String>> gets = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                gets.add(m.get(SEALED + p));
            }
            return Future.all(gets).map(all -> {
                List<JsonObject> sections = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    String s = all.resultAt(p);
                    if (s == null) {
                        return null;
                    }
                    sections.add(new JsonObject(s));
                }
                return sections;
            });
        });
    }

    Future<Void> merged() {
        return map().compose(m -> m.put(MERGED, "true"));
    }

    Future<Boolean> isMerged() {
        return map().compose(m -> m.get(MERGED)).map(v -> v != null);
    }

    private Future<AsyncMap<String, String>> map() {
        return vertx.sharedData().getAsyncMap(mapName);
    }
}
