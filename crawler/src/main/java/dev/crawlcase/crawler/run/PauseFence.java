package dev.crawlcase.crawler.run;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps a node that stood still from acting on parts it may have lost. A node paused (SIGSTOP, a VM frozen, a
 * starved machine) for longer than the cluster waits for its heartbeats is declared dead, and its parts' locks are
 * handed out; it learns nothing of that when it wakes. So it must assume it: a ticker thread notes the time every
 * {@value #TICK_MS} ms, and a gap of {@code limit} or more between two ticks trips the fence for good. This is the
 * session rule of lease-based systems (a Chubby or ZooKeeper client that has not heard from its cell within the
 * session timeout must assume its session is gone), turned inward: the limit is shorter than the time the cluster
 * needs to declare a silent node dead, so a node that may have been declared dead always knows it.
 *
 * <p>{@link #holds()} is right even before the ticker has run after a pause (it measures the gap itself), so the
 * frontier may ask it before each lease and each commit; the ticker then reports the trip once.
 */
public final class PauseFence implements AutoCloseable {
    static final long TICK_MS = 100;

    private final long limitNanos;
    private final LongSupplier nanoClock;
    private final Consumer<Duration> onTrip;
    private final Thread ticker;
    private volatile long lastTick;
    /** Written before {@link #lastTick} by the ticker, read after it by {@link #holds()}. */
    private volatile boolean tripped;

    /** A fence on {@code nanoClock} that nothing ticks yet: {@link #start} gives it its ticker thread. */
    PauseFence(Duration limit, LongSupplier nanoClock, Consumer<Duration> tripped) {
        if (limit.toMillis() <= 2 * TICK_MS) {
            throw new IllegalArgumentException("a pause limit must be well above the tick of " + TICK_MS + " ms: "
                    + limit);
        }
        this.limitNanos = limit.toNanos();
        this.nanoClock = nanoClock;
        this.onTrip = tripped;
        this.lastTick = nanoClock.getAsLong();
        this.ticker = new Thread(this::tickEvery, "crawlcase-pause-fence");
        ticker.setDaemon(true);
    }

    /**
     * A started fence: {@code tripped} runs once, on the ticker thread, with the length of the pause that tripped
     * it.
     */
    public static PauseFence start(Duration limit, Consumer<Duration> tripped) {
        PauseFence fence = new PauseFence(limit, System::nanoTime, tripped);
        fence.ticker.start();
        return fence;
    }

    /** Whether this node may still act: it has not stood still for the limit, now or since it started. */
    public boolean holds() {
        long last = lastTick;
        if (nanoClock.getAsLong() - last >= limitNanos) {
            return false;
        }
        return !tripped;
    }

    private void tickEvery() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (!tick()) {
                return;
            }
        }
    }

    /** One tick: notes the time, or trips the fence after a gap of the limit; whether the fence still holds. */
    boolean tick() {
        if (tripped) {
            return false;
        }
        long now = nanoClock.getAsLong();
        long gap = now - lastTick;
        if (gap >= limitNanos) {
            tripped = true;
            lastTick = now;
            onTrip.accept(Duration.ofNanos(gap));
            return false;
        }
        lastTick = now;
        return true;
    }

    @Override
    public void close() {
        ticker.interrupt();
    }
}
