package dev.crawlcase.crawler.metrics;

import io.vertx.core.Vertx;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Samples live platform threads, process CPU time and heap use on a Vert.x periodic timer (plus, when asked, the
 * memory and CPU of the crawl's worker processes: {@link #countingWorkers}). A sample costs one
 * {@code getThreadCount()} call, minus the threads that are not the crawler's (the in-process fake sites keep theirs
 * in a thread group of their own and report its size): cheap on an event loop every 50 ms, even with 10,000
 * threads. Virtual threads are not platform threads and are not counted.
 */
public final class ResourceSampler {
    /** One sample of a recorded series: ms since {@link #start()}, live crawler threads, CPU seconds since start. */
    public record Sample(double atMs, int threads, double cpuSeconds) {
    }

    private final Vertx vertx;
    private final long periodMs;
    private final IntSupplier foreignThreads;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long timer = -1;
    private long cpuAtStart = -1;
    private double cpuSeconds = -1;
    private int peakThreads;
    private int lastThreads;
    private long peakHeap;
    private long lastHeap;
    private long samples;
    private long startNanos;
    /** The fetch worker processes whose memory and CPU count as the crawl's, or null when it starts none. */
    private WorkerProcesses workers;
    /** Every sample, only when asked for ({@link #recordingSeries}): a long crawl would otherwise grow it forever. */
    private List<Sample> series;

    /**
     * @param foreignThreads live threads of this JVM that are not the crawler's (in-process fake sites); they are
     *                       subtracted from the count
     */
    public ResourceSampler(Vertx vertx, long periodMs, IntSupplier foreignThreads) {
        if (periodMs < 1) {
            throw new IllegalArgumentException("periodMs must be >= 1, got " + periodMs);
        }
        this.vertx = vertx;
        this.periodMs = periodMs;
        this.foreignThreads = foreignThreads;
    }

    /**
     * Counts the child processes running {@code mainClass} as part of the crawl (the processes mode's workers):
     * their resident memory is added to each heap sample and their CPU time to the CPU seconds, so a rung that
     * fetches in other JVMs is not measured as if it cost only its parent.
     */
    public synchronized ResourceSampler countingWorkers(String mainClass) {
        workers = new WorkerProcesses(mainClass);
        return this;
    }

    /** Keeps every sample, for a picture of threads and CPU over time (a comparison's runs are short). */
    public synchronized ResourceSampler recordingSeries() {
        series = new ArrayList<>();
        return this;
    }

    /** The samples so far, oldest first; empty unless {@link #recordingSeries} was asked for. */
    public synchronized List<Sample> series() {
        return series == null ? List.of() : List.copyOf(series);
    }

    /** Takes a first sample and starts the timer. */
    public synchronized void start() {
        if (timer >= 0) {
            throw new IllegalStateException("sampler already started");
        }
        cpuAtStart = processCpuNanos();
        startNanos = System.nanoTime();
        sample();
        timer = vertx.setPeriodic(periodMs, id -> sample());
    }

    /** Stops the timer after one last sample; the values stay readable. */
    public synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            sample();
        }
    }

    public synchronized int peakThreads() {
        return peakThreads;
    }

    /** Process CPU seconds from {@link #start()} to the latest sample, or -1 if the JVM cannot tell. */
    public synchronized double cpuSeconds() {
        return cpuSeconds;
    }

    public synchronized long peakHeapBytes() {
        return peakHeap;
    }

    public synchronized ResourceSnapshot snapshot() {
        return new ResourceSnapshot(peakThreads, lastThreads, cpuSeconds, peakHeap, samples, lastHeap);
    }

    synchronized void sample() {
        lastThreads = countThreads();
        peakThreads = Math.max(peakThreads, lastThreads);
        WorkerProcesses.Cost children = workers == null ? WorkerProcesses.Cost.NONE : workers.sample();
        lastHeap = memory.getHeapMemoryUsage().getUsed() + children.residentBytes();
        peakHeap = Math.max(peakHeap, lastHeap);
        long cpu = processCpuNanos();
        cpuSeconds = cpu < 0 || cpuAtStart < 0 ? -1 : (cpu - cpuAtStart) / 1e9 + children.cpuSeconds();
        samples++;
        if (series != null) {
            series.add(new Sample((System.nanoTime() - startNanos) / 1e6, lastThreads, cpuSeconds));
        }
    }

    private int countThreads() {
        return threads.getThreadCount() - foreignThreads.getAsInt();
    }

    /** This process's CPU time so far in nanoseconds, or -1 when the JVM does not report it. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
