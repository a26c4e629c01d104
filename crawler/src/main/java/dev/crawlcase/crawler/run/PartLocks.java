package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;

import java.util.Optional;

/**
 * The one place that takes the cluster-wide lock of a part of a sharded crawl (a Hazelcast lock through Vert.x
 * shared data, released when its holder leaves or is declared dead): a node holds the locks of the parts it runs.
 * The lock alone does not fence a holder that only seemed dead; the part's state file lock and {@link PauseFence}
 * do.
 */
public final class PartLocks {
    private PartLocks() {
    }

    /** The lock of {@code part}, waiting up to {@code waitMs} for it; a failed future when it stays held. */
    public static Future<Lock> take(Vertx vertx, CrawlAddresses crawl, int part, long waitMs) {
        return vertx.sharedData().getLockWithTimeout(crawl.partLock(part), waitMs);
    }

    /** The first of parts 0..parts-1 whose lock is free (each tried for {@code tryMs}), or empty when all are held. */
    public static Future<Optional<Held>> firstFree(Vertx vertx, CrawlAddresses crawl, int parts, long tryMs) {
        return from(vertx, crawl, parts, tryMs, 0);
    }

    /** As {@link #firstFree(Vertx, CrawlAddresses, int, long)}, from part {@code first} on. */
    public static Future<Optional<Held>> firstFree(Vertx vertx, CrawlAddresses crawl, int parts, long tryMs,
                                                   int first) {
        return from(vertx, crawl, parts, tryMs, first);
    }

    private static Future<Optional<Held>> from(Vertx vertx, CrawlAddresses crawl, int parts, long tryMs, int part) {
        if (part >= parts) {
            return Future.succeededFuture(Optional.empty());
        }
        return take(vertx, crawl, part, tryMs).map(lock -> Optional.of(new Held(part, lock)))
                .recover(held -> from(vertx, crawl, parts, tryMs, part + 1));
    }

    /** A part this node holds, and its lock. */
    public record Held(int part, Lock lock) {
    }
}
