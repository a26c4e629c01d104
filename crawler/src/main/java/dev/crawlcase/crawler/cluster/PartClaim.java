package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.run.PartLocks;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Which part of a sharded crawl this node runs: the first part whose lock is free ({@link PartLocks}). So nodes
 * need no numbers of their own, and a node more than the crawl's parts is refused with one line.
 */
public final class PartClaim {
    /** Long enough for a free lock to be granted on a busy machine, short enough to pass over held ones. */
    private static final long TRY_MS = 1_000;

    private PartClaim() {
    }

    /** The part this node now holds, or a failed future with a {@link ConfigException} when all are held. */
    public static Future<PartLocks.Held> claim(Vertx vertx, CrawlAddresses crawl, int parts) {
        return PartLocks.firstFree(vertx, crawl, parts, TRY_MS).map(free -> free.orElseThrow(() ->
                new ConfigException("--nodes", "crawl '" + crawl.crawlId() + "' already has " + parts + " nodes"
                        + " (every part is taken); start it with more --nodes, or choose another --crawl-id")));
    }
}
