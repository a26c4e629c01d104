package dev.crawlcase.crawler.shard;

/**
 * One shard's line on the board ({@link GateView}): the smallest depth it has unfinished (queued, leased, retrying;
 * a hand-off not yet acknowledged counts one level shallower than its own depth), and whether it is finished
 * (nothing of that, and nothing more to lease). Depth -1 is possible: a seed on its way to its shard.
 *
 * <p>With a page limit, also its share of it: {@code pages} it may lease as pages in all (what it claimed; once
 * finished, exactly what it leased, the rest given back; -1 before it has spoken), and whether it is
 * {@code starved}: finished only because it may not lease the pages still waiting there.
 */
public record GateSlot(int minDepth, boolean finished, long pages, boolean starved) {
    /**
     * A shard that has not said anything yet: unfinished, and it may hold a seed on its way (depth -1), so that no
     * record deeper than 0 is written before every shard has spoken; nor may any shard claim pages before then
     * (a resumed shard's first word says how many it leased already).
     */
    public static final GateSlot UNKNOWN = new GateSlot(-1, false, -1, false);

    /** A slot of a crawl without a page limit. */
    public GateSlot(int minDepth, boolean finished) {
        this(minDepth, finished, 0, false);
    }

    /** Whether this slot says less work is left than {@code other} does: publishing it may wait. */
    boolean isAheadOf(GateSlot other) {
        return minDepth >= other.minDepth && (finished || !other.finished);
    }

    /** Whether its shard has written it (an {@link #UNKNOWN} slot has not). */
    boolean spoken() {
        return pages >= 0;
    }
}
