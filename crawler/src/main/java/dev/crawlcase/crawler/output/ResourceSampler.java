package dev.crawlcase.crawler.output;

import io.vertx.core.Vertx;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.function.IntSupplier;

/**
 * Samples the crawler's footprint on a periodic timer: live platform threads (minus threads that are not the
 * crawler's, such as in-process fake sites), process CPU time and heap use. Cheap enough to run every 50 ms.
 */
public final class ResourceSampler {
    private static final long PERIOD_MS = 50;

    private final Vertx vertx;
    private final IntSupplier foreignThreads;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long cpuAtStart;
    private volatile int peakThreads;
    private volatile long peakHeap;
    private long timer = -1;

    /** Peak live crawler threads, CPU seconds since start, peak heap bytes. */
    public record Snapshot(int peakThreads, double cpuSeconds, long peakHeapBytes) {
    }

    public ResourceSampler(Vertx vertx, IntSupplier foreignThreads) {
        this.vertx = vertx;
        this.foreignThreads = foreignThreads;
        this.cpuAtStart = processCpuNanos();
    }

    public void start() {
        sample();
        timer = vertx.setPeriodic(PERIOD_MS, id -> sample());
    }

    public Snapshot snapshot() {
        sample();
        long cpu = processCpuNanos();
        return new Snapshot(peakThreads, cpu < 0 ? -1 : (cpu - cpuAtStart) / 1e9, peakHeap);
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private synchronized void sample() {
        peakThreads = Math.max(peakThreads, threads.getThreadCount() - foreignThreads.getAsInt());
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
