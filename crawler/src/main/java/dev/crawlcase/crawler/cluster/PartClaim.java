package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.run.PartLocks;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of a sharded crawl this node runs from its start: the first parts whose lock is free
 * ({@link PartLocks}), as many as its share. So nodes need no numbers of their own. A node that finds no part free
 * is refused with one line, unless the crawl keeps a state: then it joins with none and waits for a node over its
 * share to hand one over.
 */
public final class PartClaim {
    /** Long enough for a free lock to be granted on a busy machine, short enough to pass over held ones. */
    private static final long TRY_MS = 1_000;

    private PartClaim() {
    }

    /** The part this node now holds, or a failed future with a {@link ConfigException} when all are held. */
    public static Future<PartLocks.Held> claim(Vertx vertx, CrawlAddresses crawl, int parts) {
        return claim(vertx, crawl, parts, 1, false).map(held -> held.get(0));
    }

    /**
     * Up to {@code share} free parts, first free first, that this node now holds; none when every part is held and
     * {@code mayWait} (the crawl keeps a state, so a part can move to this node), else a failed future with a
     * {@link ConfigException}.
     */
    public static Future<List<PartLocks.Held>> claim(Vertx vertx, CrawlAddresses crawl, int parts, int share,
                                                     boolean mayWait) {
        return more(vertx, crawl, parts, share, new ArrayList<>()).map(held -> {
            if (held.isEmpty() && !mayWait) {
                throw new ConfigException("--nodes", "crawl '" + crawl.crawlId() + "' already has every one of its "
                        + parts + " parts taken; a node joins a running crawl only with --state DIR (its parts can"
                        + " move then), or choose another --crawl-id");
            }
            return held;
        });
    }

    private static Future<List<PartLocks.Held>> more(Vertx vertx, CrawlAddresses crawl, int parts, int share,
                                                     List<PartLocks.Held> held) {
        if (held.size() >= share) {
            return Future.succeededFuture(held);
        }
        int first = held.isEmpty() ? 0 : held.get(held.size() - 1).part() + 1;
        return PartLocks.firstFree(vertx, crawl, parts, TRY_MS, first).compose(free -> {
            if (free.isEmpty()) {
                return Future.succeededFuture(held);
            }
            held.add(free.get());
            return more(vertx, crawl, parts, share, held);
        });
    }
}
