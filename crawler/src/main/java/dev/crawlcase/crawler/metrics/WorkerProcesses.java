package dev.crawlcase.crawler.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this JVM's child processes that run one main class (the processes mode's fetch workers) cost together: the
 * sum of their resident memory now, and their CPU time so far, a worker that has exited included. Listing the
 * children scans every process on the machine, so it is done at most once a second; the known workers' figures are
 * read at every sample. Linux only (/proc); elsewhere, and for a worker that has just gone, the figures are 0.
 */
public final class WorkerProcesses {
    private static final long RESCAN_NANOS = 1_000_000_000L;

    /** Resident bytes of the live workers, and CPU seconds of every worker seen. */
    public record Cost(long residentBytes, double cpuSeconds) {
        public static final Cost NONE = new Cost(0, 0);
    }

    private final String mainClass;
    private final Map<Long, ProcessHandle> workers = new HashMap<>();
    private final Map<Long, Double> cpuSeconds = new HashMap<>();
    private long scannedAt;
    private boolean scanned;

    /** @param mainClass the class name a worker's command line runs */
    public WorkerProcesses(String mainClass) {
        this.mainClass = mainClass;
    }

    public synchronized Cost sample() {
        long now = System.nanoTime();
        if (!scanned || now - scannedAt >= RESCAN_NANOS) {
            scanned = true;
            scannedAt = now;
            ProcessHandle.current().children().filter(this::runsMain)
                    .forEach(child -> workers.putIfAbsent(child.pid(), child));
        }
        long resident = 0;
        for (ProcessHandle worker : List.copyOf(workers.values())) {
            // the CPU time is read before the liveness check, so a worker's last figure is kept once it has gone
            worker.info().totalCpuDuration().ifPresent(d -> cpuSeconds.put(worker.pid(), d.toNanos() / 1e9));
            if (worker.isAlive()) {
                resident += residentBytes(worker.pid());
            } else {
                workers.remove(worker.pid());
            }
        }
        return new Cost(resident, cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /**
     * Whether the child's command line has the main class as one of its arguments. Read from /proc directly: for a
     * command line longer than a page (a worker's class path makes it so) the JDK gives no arguments and cuts the
     * whole line short, before the class name.
     */
    private boolean runsMain(ProcessHandle child) {
        try {
            byte[] line = Files.readAllBytes(Path.of("/proc", Long.toString(child.pid()), "cmdline"));
            return List.of(new String(line, StandardCharsets.UTF_8).split("\0")).contains(mainClass);
        } catch (IOException e) {
            // gone already, or no /proc: not a worker this sample can count
            return false;
        }
    }

    /** VmRSS from /proc/PID/status, or 0 when it cannot be read (not Linux, or the process has gone). */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone between the listing and this read, or no /proc: it counts as nothing, as documented
        }
        return 0;
    }
}
