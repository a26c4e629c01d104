package dev.crawlcase.crawler.shard;

/**
 * One shard's line on the board ({@link GateView}): the smallest depth it has unfinished (queued, leased, retrying;
 * a hand-off not yet acknowledged counts one level shallower than its own depth), and whether it is finished
 * (nothing of that, and nothing more to lease). Depth -1 is possible: a seed on its way to its shard.
 */
public record GateSlot(int minDepth, boolean finished) {
    /**
     * A shard that has not said anything yet: unfinished, and it may hold a seed on its way (depth -1), so that no
     * record deeper than 0 is written before every shard has spoken.
     */
    public static final GateSlot UNKNOWN = new GateSlot(-1, false);

    /** Whether this slot says less work is left than {@code other} does: publishing it may wait. */
    boolean isAheadOf(GateSlot other) {
        return minDepth >= other.minDepth && (finished || !other.finished);
    }
}
