package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.bus.BoardStore;
import dev.crawlcase.crawler.bus.FrontierVerticle;
import dev.crawlcase.crawler.bus.PartLink;
import dev.crawlcase.crawler.frontier.CrawlShare;
import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.shard.Outbox;
import dev.crawlcase.crawler.shard.Shard;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What makes a {@link CrawlRunner} one part of a sharded crawl: which part of how many, and the crawl-wide
 * addresses its hand-offs and board travel on. The runner's frontier then owns only the hosts of its part (a
 * {@link Shard}), and its verticle ends when every part has ({@link PartLink}).
 */
public record PartRole(int part, ShardMap map, CrawlAddresses crawl, BooleanSupplier acting) {
    private static final int OUTBOX_BATCH = 256;
    /** A hand-off waits at most this long for others to the same part: a fraction of one page's latency. */
    private static final long OUTBOX_LINGER_MS = 100;
    private static final long OUTBOX_RESEND_MS = 2_000;

    /**
     * @param map    which part each host belongs to: the crawl's, the same at every part
     * @param acting whether the node may still act on the part: no lease, hand-off or commit once it may have lost
     *               it ({@link PauseFence})
     */
    public PartRole {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(acting, "acting");
        if (part < 0 || part >= map.shards()) {
            throw new IllegalArgumentException("part " + part + " not within 0.." + (map.shards() - 1));
        }
    }

    /** A part of a node that always acts on it (no {@link PauseFence}). */
    public PartRole(int part, ShardMap map, CrawlAddresses crawl) {
        this(part, map, crawl, () -> true);
    }

    /** How many parts the crawl has. */
    public int parts() {
        return map.shards();
    }

    /** The part's checkpoints, refused once the node may have lost the part. */
    FrontierVerticle.Checkpoints fenced(FrontierVerticle.Checkpoints checkpoints) {
        return () -> acting.getAsBoolean() ? checkpoints.checkpoint()
                : Future.failedFuture(new IllegalStateException("part " + part + " may run on another node now"));
    }

    /** This part's shard around a frontier built by {@code frontiers} with the shard as its share. */
    Shard shard(LongSupplier clockMs, Function<CrawlShare, Frontier> frontiers) {
        return new Shard(part, map, new Outbox(part, OUTBOX_BATCH, OUTBOX_LINGER_MS,
                OUTBOX_RESEND_MS), clockMs, frontiers);
    }

    /**
     * The shard's link to the other parts; {@code committed} (or null) makes a taken batch durable before it is
     * acknowledged.
     */
    PartLink link(Vertx vertx, Shard shard, Supplier<Future<Void>> committed) {
        return new PartLink(shard, crawl, new BoardStore(vertx, crawl.boardMap(), parts()), committed, acting);
    }

    /**
     * What this part's WARC files are named after: the crawl and the part ({@code <crawl id>-part3}), so the files
     * of two parts never clash, even moved into one folder. Characters a file name should not hold become '_'.
     */
    String warcName() {
        return crawl.crawlId().replaceAll("[^A-Za-z0-9._-]", "_") + "-part" + part;
    }

    /** Where this part's frontier and fetchers talk. */
    CrawlAddresses addresses() {
        return crawl.part(part);
    }
}
