package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.bus.BoardStore;
import dev.crawlcase.crawler.bus.PartLink;
import dev.crawlcase.crawler.frontier.CrawlShare;
import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.shard.Outbox;
import dev.crawlcase.crawler.shard.Shard;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What makes a {@link CrawlRunner} one part of a sharded crawl: which part of how many, and the crawl-wide
 * addresses its hand-offs and board travel on. The runner's frontier then owns only the hosts of its part (a
 * {@link Shard}), and its verticle ends when every part has ({@link PartLink}).
 */
public record PartRole(int part, int parts, CrawlAddresses crawl) {
    private static final int OUTBOX_BATCH = 256;
    /** A hand-off waits at most this long for others to the same part: a fraction of one page's latency. */
    private static final long OUTBOX_LINGER_MS = 100;
    private static final long OUTBOX_RESEND_MS = 2_000;

    public PartRole {
        new ShardMap(parts);
        if (part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " not within 0.." + (parts - 1));
        }
    }

    /** This part's shard around a frontier built by {@code frontiers} with the shard as its share. */
    Shard shard(LongSupplier clockMs, Function<CrawlShare, Frontier> frontiers) {
        return new Shard(part, new ShardMap(parts), new Outbox(part, OUTBOX_BATCH, OUTBOX_LINGER_MS,
                OUTBOX_RESEND_MS), clockMs, frontiers);
    }

    /**
     * The shard's link to the other parts; {@code committed} (or null) makes a taken batch durable before it is
     * acknowledged.
     */
    PartLink link(Vertx vertx, Shard shard, Supplier<Future<Void>> committed) {
        return new PartLink(shard, crawl, new BoardStore(vertx, crawl.boardMap(), parts), committed);
    }

    /** Where this part's frontier and fetchers talk. */
    CrawlAddresses addresses() {
        return crawl.part(part);
    }
}
