package dev.crawlcase.crawler.shard;

import java.util.Arrays;

/** Every shard's slot, read at once (one consistent view, never slot by slot). */
public final class GateView {
    private final GateSlot[] slots;

    public GateView(GateSlot[] slots) {
        this.slots = slots.clone();
    }

    /** A board on which no shard has written yet. */
    public static GateView unknown(int shards) {
        GateSlot[] slots = new GateSlot[shards];
        Arrays.fill(slots, GateSlot.UNKNOWN);
        return new GateView(slots);
    }

    public GateSlot slot(int shard) {
        return slots[shard];
    }

    public int shards() {
        return slots.length;
    }

    /** The smallest unfinished depth of every shard but {@code shard}, or Integer.MAX_VALUE. */
    public int minDepthExcept(int shard) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < slots.length; i++) {
            if (i != shard) {
                min = Math.min(min, slots[i].minDepth());
            }
        }
        return min;
    }

    /**
     * The crawl is over: every shard finished, so no URL is unfinished or on its way anywhere and none can be found
     * any more; and with a page limit ({@code maxPages} &gt; 0), no shard waits for pages another could give back:
     * either none is starved, or every page of the limit is claimed (a finished shard claims what it leased).
     */
    public boolean allFinished(long maxPages) {
        boolean starved = false;
        for (GateSlot s : slots) {
            if (!s.finished()) {
                return false;
            }
            starved |= s.starved();
        }
        return maxPages == 0 || !starved || pagesExcept(-1) >= maxPages;
    }

    /** Every shard but {@code shard} has written its slot. */
    public boolean spokenExcept(int shard) {
        for (int i = 0; i < slots.length; i++) {
            if (i != shard && !slots[i].spoken()) {
                return false;
            }
        }
        return true;
    }

    /** The pages every shard but {@code shard} claimed of the page limit. */
    public long pagesExcept(int shard) {
        long sum = 0;
        for (int i = 0; i < slots.length; i++) {
            if (i != shard) {
                sum += Math.max(0, slots[i].pages());
            }
        }
        return sum;
    }

    /** This view with {@code shard}'s slot replaced. */
    public GateView with(int shard, GateSlot slot) {
        GateSlot[] copy = slots.clone();
        copy[shard] = slot;
        return new GateView(copy);
    }
}
