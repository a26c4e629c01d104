package dev.crawlcase.crawler.frontier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Chooses what the frontier leases next, and says when that could change. A host may take a request when fewer
 * than perHostConcurrency of its requests are leased and its delay since its last start has passed (robots.txt
 * Crawl-delay included). Among those, the lowest {@link HostRanking} goes first (robots.txt, then the shallowest
 * best entry), round-robin among equals.
 *
 * <p>Without scanning every host: each host's rank is kept in a ready set ordered by (rank, round-robin order),
 * and re-computed only when the host changed (its {@link HostQueue} says so, and so does the robots cache when it
 * drops a host's rules), when a time it waits for comes (kept in a set ordered by that time: its delay over, a
 * retry or robots.txt retry due, its rules expiring), or for every host once, when the page budget runs out. A
 * lease then costs O(log hosts) per changed host, and the next wake-up is the first of those times.
 */
final class HostPicker implements Picker {
    private static final int NONE = HostRanking.NONE;
    private static final long NEVER = Long.MAX_VALUE;

    /** The picker's view of one host: its rank while ready, the time it waits for, whether it must be re-ranked. */
    private static final class Slot {
        final HostQueue host;
        int order;
        int rank = NONE;
        long wakeAtMs = NEVER;
        boolean dirty;

        Slot(HostQueue host) {
            this.host = host;
            this.order = host == null ? 0 : host.order;
        }
    }

    private final FrontierSettings settings;
    private final RobotsGate robots;
    private final UrlBook book;
    private final HostRanking ranking;
    private final List<Slot> slots = new ArrayList<>();
    private final TreeSet<Slot> ready = new TreeSet<>(Comparator.<Slot>comparingInt(s -> s.rank)
            .thenComparingInt(s -> s.order));
    private final TreeSet<Slot> waiting = new TreeSet<>(Comparator.<Slot>comparingLong(s -> s.wakeAtMs)
            .thenComparingInt(s -> s.order));
    /** A key to search {@link #ready} with; never in it. */
    private final Slot probe = new Slot(null);
    private final ArrayDeque<Slot> dirty = new ArrayDeque<>();
    private boolean budgetLeft;
    private int cursor;

    HostPicker(FrontierSettings settings, HostTable hosts, RobotsGate robots, UrlBook book, Ledger ledger) {
        this.settings = settings;
        this.robots = robots;
        this.book = book;
        this.ranking = new HostRanking(robots, book, ledger);
        this.budgetLeft = book.pageBudgetLeft();
        hosts.tellChangesTo(this::changed);
    }

    /** The host changed: re-rank it before the next pick. */
    private void changed(HostQueue host) {
        while (slots.size() <= host.order) {
            slots.add(null);
        }
        Slot slot = slots.get(host.order);
        if (slot == null) {
            slot = new Slot(host);
            slots.set(host.order, slot);
        }
        if (!slot.dirty) {
            slot.dirty = true;
            dirty.add(slot);
        }
    }

    @Override
    public HostQueue pick(long now) {
        refresh(now);
        if (ready.isEmpty()) {
            return null;
        }
        int best = ready.first().rank;
        // the first host of the best rank at or after the cursor, else the first of that rank: round-robin
        probe.rank = best;
        probe.order = cursor;
        Slot chosen = ready.ceiling(probe);
        if (chosen == null || chosen.rank != best) {
            chosen = ready.first();
        }
        cursor = chosen.host.order + 1;
        return chosen.host;
    }

    @Override
    public QueuedUrl take(HostQueue host, long now) {
        return ranking.take(host, now);
    }

    @Override
    public long nextWorkAtMs(long now) {
        refresh(now);
        if (!ready.isEmpty()) {
            return now;
        }
        return waiting.isEmpty() ? NEVER : waiting.first().wakeAtMs;
    }

    /** Re-ranks the hosts that changed or whose awaited time came, and every host when the budget ran out. */
    private void refresh(long now) {
        if (budgetLeft != book.pageBudgetLeft()) {
            budgetLeft = book.pageBudgetLeft();
            slots.forEach(s -> {
                if (s != null) {
                    changed(s.host);
                }
            });
        }
        while (!waiting.isEmpty() && waiting.first().wakeAtMs <= now) {
            Slot slot = waiting.pollFirst();
            slot.wakeAtMs = NEVER;
            changed(slot.host);
        }
        Slot slot;
        while ((slot = dirty.poll()) != null) {
            rerank(slot, now);
        }
    }

    /** Ranks the host as a scan at {@code now} would, and notes the next time that rank could change by itself. */
    private void rerank(Slot slot, long now) {
        ready.remove(slot);
        waiting.remove(slot);
        HostQueue host = slot.host;
        int rank = NONE;
        long wakeAt = NEVER;
        if (!host.busy(settings.perHostConcurrency())) {
            long startAt = host.nextStartMs(robots.delayMs(host));
            if (now < startAt) {
                long workAt = ranking.workAtMs(host);
                wakeAt = workAt == NEVER ? NEVER : Math.min(Math.max(workAt, startAt), rulesLapseAtMs(host, now));
            } else {
                rank = ranking.rank(host, now);
                wakeAt = ranking.hasWork(host) ? Math.min(dueAtMs(host, now), rulesLapseAtMs(host, now)) : NEVER;
            }
        }
        slot.rank = rank;
        slot.wakeAtMs = wakeAt;
        if (rank != NONE) {
            ready.add(slot);
        }
        if (wakeAt != NEVER) {
            waiting.add(slot);
        }
        slot.dirty = false;
    }

    /** The next time after {@code now} at which time alone could change the rank of an idle host, or NEVER. */
    private long dueAtMs(HostQueue host, long now) {
        if (robots.gated(host)) {
            long at = robots.dueAtMs(host);
            return at > now ? at : NEVER;
        }
        QueuedUrl retry = host.peekRetry();
        return retry != null && retry.readyAtMs() > now ? retry.readyAtMs() : NEVER;
    }

    /**
     * When the host's robots.txt rules lapse (it is gated again, and its Crawl-delay goes), or NEVER if it has none.
     * One ms on while the cache still holds rules past their time, so the host is looked at until they are gone.
     */
    private long rulesLapseAtMs(HostQueue host, long now) {
        if (robots.rules(host) == null) {
            return NEVER;
        }
        return host.rulesUntilMs() > now ? host.rulesUntilMs() : now + 1;
    }
}
