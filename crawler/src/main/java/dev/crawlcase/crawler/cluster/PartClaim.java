package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;

/**
 * Which part of a sharded crawl this node runs: the first of parts 0..n-1 whose cluster-wide lock (a Hazelcast
 * lock through Vert.x shared data, released when its holder leaves or is declared dead) is free. So nodes need no
 * numbers of their own, and a node more than the crawl's parts is refused with one line.
 *
 * <p>Like {@link FrontierClaim}, this refuses a second holder; it is not fencing (a paused holder declared dead
 * would not know it lost the part).
 */
public final class PartClaim {
    /** Long enough for a free lock to be granted on a busy machine, short enough to pass over held ones. */
    private static final long TRY_MS = 1_000;

    private PartClaim() {
    }

    /** A part this node holds, and its lock. */
    public record Claim(int part, Lock lock) {
    }

    /** The part this node now holds, or a failed future with a {@link ConfigException} when all are held. */
    public static Future<Claim> claim(Vertx vertx, CrawlAddresses crawl, int parts) {
        return tryFrom(vertx, crawl, parts, 0);
    }

    private static Future<Claim> tryFrom(Vertx vertx, CrawlAddresses crawl, int parts, int part) {
        if (part >= parts) {
            return Future.failedFuture(new ConfigException("--nodes", "crawl '" + crawl.crawlId() + "' already has "
                    + parts + " nodes (every part is taken); start it with more --nodes, or choose another --crawl-id"));
        }
        return vertx.sharedData().getLockWithTimeout(crawl.partLock(part), TRY_MS).map(lock -> new Claim(part, lock))
                .recover(taken -> tryFrom(vertx, crawl, parts, part + 1));
    }
}
