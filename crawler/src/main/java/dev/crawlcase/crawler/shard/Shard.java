package dev.crawlcase.crawler.shard;

import dev.crawlcase.crawler.frontier.CrawlShare;
import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.url.HostKey;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One shard of a crawl at its owner: the {@link Frontier} of the shard's hosts, its {@link Outbox} to the other
 * shards, and the last {@link GateView} of the board it has seen. Whoever drives it (the cluster node on its event
 * loop, or a simulation) moves messages and board slots; this class only keeps the rules that make depths exact
 * across shards:
 * <ul>
 *   <li>a hand-off counts as unfinished at the sender until the receiver acknowledges it, one level shallower
 *       than its own depth (it is a link already found);</li>
 *   <li>the receiver acknowledges only after its board slot counts what it took ({@link #receive} says when the
 *       slot must be published first);</li>
 *   <li>a record waits until no URL two or more levels shallower is unfinished anywhere: here, in another shard's
 *       last published slot, or in this outbox;</li>
 *   <li>with a page limit, a page is leased for the first time only within the pages this shard's last written
 *       slot claimed ({@link PageClaims}); {@link #slotFor} computes a slot against the board it is written on.</li>
 * </ul>
 * Not thread-safe: one thread drives it, the one that drives its frontier.
 */
public final class Shard implements CrawlShare {
    /** What taking a batch asks of the driver: publish {@code slot} first when {@code publishFirst}, then ack. */
    public record Receipt(OfferAck ack, GateSlot slot, boolean publishFirst) {
    }

    private final int id;
    private final ShardMap map;
    private final Outbox outbox;
    private final LongSupplier clock;
    private final Frontier frontier;
    private final PageClaims claims;
    private GateView board;
    private GateSlot published = GateSlot.UNKNOWN;

    public Shard(int id, ShardMap map, Outbox outbox, LongSupplier clockMs, Function<CrawlShare, Frontier> frontiers) {
        this.id = id;
        this.map = Objects.requireNonNull(map, "map");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clockMs, "clockMs");
        this.board = GateView.unknown(map.shards());
        this.frontier = frontiers.apply(this);
        this.claims = new PageClaims(id, frontier.pageLimit());
        if (claims.limited()) {
            frontier.allowPages(claims.allowed()); // nothing before its first claim
        }
    }

    public int id() {
        return id;
    }

    public Frontier frontier() {
        return frontier;
    }

    @Override
    public boolean owns(String hostKey) {
        return map.shardOf(hostKey) == id;
    }

    @Override
    public void handOff(String url, int depth, int redirects) {
        outbox.add(map.shardOf(hostKeyOf(url)), new HandOff(url, depth, redirects), clock.getAsLong());
    }

    private static String hostKeyOf(String url) {
        String key = HostKey.of(url);
        if (key == null) {
            throw new IllegalStateException("a handed-off URL has a host key: " + url);
        }
        return key;
    }

    @Override
    public int minUnfinishedElsewhere() {
        return Math.min(inTransitGateDepth(), board.minDepthExcept(id));
    }

    /**
     * The gate depth of the hand-offs not yet acknowledged. The gate counts unfinished pages at depth d because
     * their links may be found at d + 1; a hand-off of depth d is such a finding already on its way, so it counts
     * as an unfinished page of depth d - 1.
     */
    private int inTransitGateDepth() {
        int min = outbox.minDepth();
        return min == Integer.MAX_VALUE ? min : min - 1;
    }

    /** Takes a batch of another shard's hand-offs; the receipt says what to publish and when to acknowledge. */
    public Receipt receive(OfferBatch batch) {
        if (batch.to() != id) {
            throw new IllegalArgumentException("batch for shard " + batch.to() + " given to shard " + id);
        }
        for (HandOff o : batch.offers()) {
            frontier.offer(o.url(), o.depth(), o.redirects());
        }
        GateSlot slot = slot();
        return new Receipt(new OfferAck(batch.from(), batch.to(), batch.seq()), slot, !slot.isAheadOf(published));
    }

    /** The receiver of one of this shard's batches took it. */
    public void acked(OfferAck ack) {
        outbox.acked(ack);
    }

    /** The batches to send now (new ones and ones due again). */
    public List<OfferBatch> outgoing() {
        return outbox.due(clock.getAsLong());
    }

    /**
     * This shard's slot as it stands now, against the board it last saw: what a write would say (nothing changes;
     * compare it with {@link #lastPublished} to know whether a write is due).
     */
    public GateSlot slot() {
        return slot(board, false);
    }

    /**
     * The slot to write on {@code view}, the board as it is just before the write (compare-and-set: written only
     * on that very board). What it gives back of the page limit is no longer spent from now on; what it claims
     * is spent once {@link #published} says the write went through.
     */
    public GateSlot slotFor(GateView view) {
        return slot(view, true);
    }

    private GateSlot slot(GateView view, boolean writing) {
        int min = Math.min(frontier.minUnfinishedDepth(), inTransitGateDepth());
        boolean finished = frontier.isFinished() && outbox.isEmpty();
        if (!claims.limited()) {
            return new GateSlot(min, finished);
        }
        PageClaims.Claim c = claims.decide(view, frontier.pagesLeased(), frontier.pagesWaiting(), finished, writing);
        if (writing) {
            frontier.allowPages(claims.allowed());
        }
        return new GateSlot(min, c.finished(), c.pages(), c.starved());
    }

    /**
     * Whether this shard's slot should go up at once: it may lease no more pages, has some waiting, and the
     * board it saw has pages left to claim.
     */
    public boolean needsPages() {
        return claims.limited() && frontier.pagesLeased() >= claims.allowed() && frontier.pagesWaiting() > 0
                && slot().pages() > claims.allowed();
    }

    /** Whether the whole crawl is over by {@code view} (every shard finished, the page limit settled). */
    public boolean crawlFinished(GateView view) {
        return view.allFinished(frontier.pageLimit());
    }

    /** The driver published {@code slot} (one {@link #slotFor} made) on the board. */
    public void published(GateSlot slot) {
        this.published = slot;
        if (claims.limited()) {
            claims.written(slot);
            frontier.allowPages(claims.allowed());
        }
    }

    /** The slot last published: what the other shards may assume of this one. */
    public GateSlot lastPublished() {
        return published;
    }

    /** A newer view of the board: records held for other shards' depths may be written now. */
    public void boardChanged(GateView view) {
        this.board = view;
        frontier.elsewhereChanged();
    }

    /** The earliest time the outbox has something to send, or Long.MAX_VALUE. */
    public long nextOutboxMs() {
        return outbox.nextDueMs();
    }

    public Outbox outbox() {
        return outbox;
    }
}
