package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.bus.SlotStrip;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The live strip of one fetch verticle: which task each slot holds, published on the crawl's slots address once
 * per tick of {@value #TICK_MS} ms when something changed, so however fast slots turn over the page gets at most
 * two messages a second from each verticle (starts and ends between ticks are coalesced: a task that came and went
 * inside one tick is never sent). The timer is the verticle's, so it ends when the verticle is undeployed.
 */
final class LiveSlots implements SlotWatch {
    static final long TICK_MS = 500;

    private final Vertx vertx;
    private final String address;
    private final String fetcher;
    private final int slots;
    private final TreeMap<Integer, SlotStrip.Busy> busy = new TreeMap<>();
    private boolean changed = true;

    private LiveSlots(Vertx vertx, String address, String fetcher, int slots) {
        this.vertx = vertx;
        this.address = address;
        this.fetcher = fetcher;
        this.slots = slots;
    }

    /** Starts publishing from the calling verticle's context. */
    static LiveSlots start(Vertx vertx, FetcherSettings settings) {
        LiveSlots live = new LiveSlots(vertx, settings.addresses().slots(), settings.fetcherId(),
                settings.concurrency());
        vertx.setPeriodic(TICK_MS, id -> live.publish());
        return live;
    }

    @Override
    public synchronized void started(int slot, FetchTask task, long nanos) {
        busy.put(slot, new SlotStrip.Busy(slot, task.url(), System.currentTimeMillis()));
        changed = true;
    }

    @Override
    public synchronized void ended(int slot, long startNanos, long endNanos, FetchResult result) {
        busy.remove(slot);
        changed = true;
    }

    private void publish() {
        SlotStrip strip;
        synchronized (this) {
            if (!changed) {
                return;
            }
            changed = false;
            List<SlotStrip.Busy> shown = new ArrayList<>(Math.min(busy.size(), SlotStrip.MAX_SHOWN));
            for (SlotStrip.Busy b : busy.values()) {
                if (shown.size() == SlotStrip.MAX_SHOWN) {
                    break;
                }
                shown.add(b);
            }
            strip = new SlotStrip(fetcher, slots, busy.size(), shown);
        }
        vertx.eventBus().publish(address, strip.toJson());
    }
}
