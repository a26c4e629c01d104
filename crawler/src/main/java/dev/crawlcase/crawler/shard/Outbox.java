package dev.crawlcase.crawler.shard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One shard's hand-offs to the others: gathered per destination, sent as a batch once {@code batchSize} are waiting
 * or the oldest has waited {@code lingerMs}, and sent again every {@code resendMs} until acknowledged. Until its
 * acknowledgement, every hand-off counts as unfinished at its depth here ({@link #minDepth}), so the crawl-wide
 * gate never loses sight of a URL on its way. Not thread-safe: its shard's thread calls it.
 */
public final class Outbox {
    private record Sent(OfferBatch batch, long sentAtMs) {
    }

    private final int from;
    private final int batchSize;
    private final long lingerMs;
    private final long resendMs;
    private final Map<Integer, List<HandOff>> waiting = new HashMap<>();
    private final Map<Integer, Long> waitingSinceMs = new HashMap<>();
    private final Map<Long, Sent> unacked = new LinkedHashMap<>();
    private final TreeMap<Integer, Integer> byDepth = new TreeMap<>();
    private long nextSeq = 1;
    private long sentBatches;
    private long resentBatches;

    public Outbox(int from, int batchSize, long lingerMs, long resendMs) {
        if (batchSize < 1 || lingerMs < 0 || resendMs < 1) {
            throw new IllegalArgumentException("batchSize >= 1, lingerMs >= 0, resendMs >= 1");
        }
        this.from = from;
        this.batchSize = batchSize;
        this.lingerMs = lingerMs;
        this.resendMs = resendMs;
    }

    /** Holds {@code offer} for shard {@code to}, counted unfinished until {@code to} acknowledges it. */
    public void add(int to, HandOff offer, long nowMs) {
        waiting.computeIfAbsent(to, k -> new ArrayList<>()).add(offer);
        waitingSinceMs.putIfAbsent(to, nowMs);
        byDepth.merge(offer.depth(), 1, Integer::sum);
    }

    /** The batches to send now: full or lingered ones, new, and unacknowledged ones due again, oldest first. */
    public List<OfferBatch> due(long nowMs) {
        List<OfferBatch> out = new ArrayList<>();
        for (Sent s : unacked.values()) {
            if (nowMs - s.sentAtMs() >= resendMs) {
                out.add(s.batch());
            }
        }
        out.forEach(b -> unacked.put(b.seq(), new Sent(b, nowMs)));
        resentBatches += out.size();
        Iterator<Map.Entry<Integer, List<HandOff>>> it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, List<HandOff>> e = it.next();
            int to = e.getKey();
            if (e.getValue().size() >= batchSize || nowMs - waitingSinceMs.get(to) >= lingerMs) {
                List<HandOff> offers = e.getValue();
                for (int i = 0; i < offers.size(); i += batchSize) {
                    OfferBatch b = new OfferBatch(from, to, nextSeq++, offers.subList(i, Math.min(offers.size(),
                            i + batchSize)));
                    unacked.put(b.seq(), new Sent(b, nowMs));
                    out.add(b);
                    sentBatches++;
                }
                it.remove();
                waitingSinceMs.remove(to);
            }
        }
        return out;
    }

    /** The receiver took the batch and counts its offers itself now; a repeated or unknown ack changes nothing. */
    public void acked(OfferAck ack) {
        Sent s = unacked.remove(ack.seq());
        if (s == null) {
            return;
        }
        for (HandOff o : s.batch().offers()) {
            byDepth.merge(o.depth(), -1, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** The smallest depth of a hand-off not yet acknowledged (waiting or sent), or Integer.MAX_VALUE. */
    public int minDepth() {
        return byDepth.isEmpty() ? Integer.MAX_VALUE : byDepth.firstKey();
    }

    /** Nothing waiting and nothing unacknowledged. */
    public boolean isEmpty() {
        return byDepth.isEmpty();
    }

    /** The earliest time {@link #due} has something to send, or Long.MAX_VALUE. */
    public long nextDueMs() {
        long next = Long.MAX_VALUE;
        for (Sent s : unacked.values()) {
            next = Math.min(next, s.sentAtMs() + resendMs);
        }
        for (long since : waitingSinceMs.values()) {
            next = Math.min(next, since + lingerMs);
        }
        return next;
    }

    public long sentBatches() {
        return sentBatches;
    }

    public long resentBatches() {
        return resentBatches;
    }
}
