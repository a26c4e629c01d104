package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;

/**
 * The one frontier of a crawl id in a cluster: a cluster-wide lock (a Hazelcast map lock through Vert.x shared
 * data) held by the frontier node until it leaves. Hazelcast releases a member's locks when it leaves or is
 * declared dead, so a crashed frontier does not block its successor for ever.
 *
 * <p>This refuses a second frontier started by mistake; it is not fencing. The lock carries no token: a frontier
 * paused long enough to be declared dead would, when it wakes, still act as if it held the lock while a successor
 * does too. Keeping a paused owner from acting needs the epochs and fencing of the sharded design; for refusing
 * a second {@code cluster --role frontier} with the same id, a plain lock is enough.
 */
public final class FrontierClaim {
    /** Long enough for the lock's owner to answer across the cluster, short enough to refuse at once. */
    private static final long WAIT_MS = 2_000;

    private FrontierClaim() {
    }

    /**
     * Takes the frontier role of the crawl, or fails with a {@link ConfigException} naming {@code --crawl-id} when
     * another node of the cluster holds it.
     */
    public static Future<Lock> claim(Vertx vertx, CrawlAddresses addresses) {
        return vertx.sharedData().getLockWithTimeout(lockName(addresses), WAIT_MS)
                .recover(err -> Future.failedFuture(new ConfigException("--crawl-id", "crawl '"
                        + addresses.crawlId() + "' already has a frontier in this cluster (stop it, or choose "
                        + "another id)")));
    }

    static String lockName(CrawlAddresses addresses) {
        return "crawlcase." + addresses.crawlId() + ".frontier";
    }
}
