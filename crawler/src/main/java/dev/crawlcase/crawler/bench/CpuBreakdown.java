package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.metrics.ResourceSampler;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the machine's cores went during one measured crawl, in cores (CPU seconds per wall second): the crawl's
 * parse threads, its event loops, its other Java threads, the JVM's own threads (JIT compilers, GC) as the rest of
 * this process, and everything outside it (the sites process, the kernel's network work) from the machine-wide
 * counters in {@code /proc/stat}. Java threads are read every {@value #SAMPLE_MS} ms by a sampler thread, since
 * some end before the crawl does (a parse pool closes with its verticle).
 */
final class CpuBreakdown {
    /** The kernel's clock ticks per second in /proc/stat (USER_HZ, 100 on every Linux build that matters). */
    private static final long USER_HZ = 100;
    /** Threads are read this often (per 100 live threads), so a thread that ends loses at most this much. */
    private static final long SAMPLE_MS = 100;
    private static final String SAMPLER = "bench-cpu-sampler";

    private record Seen(String name, long firstNanos, long lastNanos) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean perThread = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    private final Map<Long, Seen> seen = new HashMap<>();
    private final long startNanos = System.nanoTime();
    private final long[] machineStart = machineJiffies();
    private final double processStart = processCpuSeconds();
    private final Thread sampler;
    private volatile boolean running = true;

    CpuBreakdown() {
        sample(true);
        sampler = new Thread(() -> {
            while (running) {
                int live = sample(false);
                // with thousands of threads (a 10,000-thread pool) reading them all is real work: read less often
                LockSupport.parkNanos(SAMPLE_MS * 1_000_000 * Math.max(1, live / 100));
            }
        }, SAMPLER);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and gives the breakdown; fields are missing where this platform does not report them. */
    JsonObject finish() {
        running = false;
        LockSupport.unpark(sampler);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample(false);
        double wall = (System.nanoTime() - startNanos) / 1e9;
        JsonObject cores = new JsonObject().put("wallSeconds", wall)
                .put("cores", Runtime.getRuntime().availableProcessors());
        double process = processCpuSeconds() - processStart;
        if (processStart >= 0) {
            cores.put("process", process / wall);
        }
        if (perThread) {
            Map<String, Double> groups = new HashMap<>();
            synchronized (seen) {
                for (Seen s : seen.values()) {
                    groups.merge(group(s.name()), (s.lastNanos() - s.firstNanos()) / 1e9, Double::sum);
                }
            }
            double java = groups.values().stream().mapToDouble(Double::doubleValue).sum();
            groups.forEach((group, seconds) -> cores.put(group, seconds / wall));
            if (processStart >= 0) {
                // the rest is the JVM's own work: JIT compilers, GC, JFR
                cores.put("jvmInternal", Math.max(0, process - java) / wall);
            }
        }
        long[] machineEnd = machineJiffies();
        if (machineStart != null && machineEnd != null) {
            double busy = (machineEnd[0] - machineStart[0]) / (double) USER_HZ / wall;
            cores.put("machineBusy", busy).put("stolen", (machineEnd[1] - machineStart[1]) / (double) USER_HZ / wall);
            if (processStart >= 0) {
                cores.put("outsideProcess", Math.max(0, busy - process / wall));
            }
        }
        return cores;
    }

    private static String group(String threadName) {
        if (threadName.startsWith("crawl-parse-")) {
            return "parseThreads";
        }
        if (threadName.startsWith("vert.x-eventloop-thread-")) {
            return "eventLoops";
        }
        if (threadName.startsWith("ForkJoinPool-") || threadName.startsWith("VirtualThread-unparker")) {
            return "virtualThreadCarriers";
        }
        return "otherJavaThreads";
    }

    /** Reads every live thread's CPU time now, as the sampler thread does. */
    void sampleNow() {
        sample(false);
    }

    /** Reads every live thread's CPU time; returns how many threads there are. */
    private int sample(boolean baseline) {
        if (!perThread) {
            return 0;
        }
        long[] ids = threads.getAllThreadIds();
        for (long id : ids) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos < 0) {
                continue;
            }
            synchronized (seen) {
                Seen old = seen.get(id);
                if (old != null) {
                    seen.put(id, new Seen(old.name(), old.firstNanos(), nanos));
                    continue;
                }
            }
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && !info.getThreadName().equals(SAMPLER)) {
                synchronized (seen) {
                    // a thread alive at the start counts from where it was then; one born later from zero
                    seen.put(id, new Seen(info.getThreadName(), baseline ? nanos : 0, nanos));
                }
            }
        }
        return ids.length;
    }

    private static double processCpuSeconds() {
        long nanos = ResourceSampler.processCpuNanos();
        return nanos < 0 ? -1 : nanos / 1e9;
    }

    /**
     * {busy ticks, stolen ticks} for the whole machine, or null without /proc. Busy leaves out steal: time the
     * hypervisor gave to another guest (a large share on a busy VM, see the README's Benchmarks section) is no
     * one's work here.
     */
    private static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) { // user nice system irq softirq; guest time is inside user
                busy += Long.parseLong(f[i]);
            }
            return new long[] {busy, f.length > 8 ? Long.parseLong(f[8]) : 0};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
