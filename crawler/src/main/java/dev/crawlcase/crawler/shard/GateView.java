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

    /** Every shard finished: no URL is unfinished or on its way anywhere, so none can be found any more. */
    public boolean allFinished() {
        for (GateSlot s : slots) {
            if (!s.finished()) {
                return false;
            }
        }
        return true;
    }

    /** This view with {@code shard}'s slot replaced. */
    public GateView with(int shard, GateSlot slot) {
        GateSlot[] copy = slots.clone();
        copy[shard] = slot;
        return new GateView(copy);
    }
}
