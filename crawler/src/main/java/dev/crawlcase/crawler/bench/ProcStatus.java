package dev.crawlcase.crawler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Figures from Linux's {@code /proc}: this process's peak and current resident set size, the machine's load and the
 * kernel's TCP listen-queue overflows; -1 (or NaN) where there is no {@code /proc}.
 */
final class ProcStatus {
    private ProcStatus() {
    }

    /** Peak resident set size of this process so far (VmHWM), in bytes. */
    static long peakRssBytes() {
        return statusKb("self", "VmHWM:");
    }

    /** Current resident set size of this process (VmRSS), in bytes. */
    static long rssBytes() {
        return statusKb("self", "VmRSS:");
    }

    /** The 1-minute load average (other work on the machine while a benchmark runs). */
    static double loadAverage() {
        try {
            return Double.parseDouble(firstLine("/proc/loadavg").split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Connections the kernel dropped because a listen queue was full (TcpExt ListenOverflows, machine-wide): each
     * one costs its client a SYN retransmission, 1 s and more.
     */
    static long listenOverflows() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
                    List<String> names = List.of(lines.get(i).split(" "));
                    return Long.parseLong(lines.get(i + 1).split(" ")[names.indexOf("ListenOverflows")]);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The kernel's cap on a listen queue (net.core.somaxconn). */
    static long somaxconn() {
        try {
            return Long.parseLong(firstLine("/proc/sys/net/core/somaxconn").trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Line by line: {@code Files.readString} trusts the size /proc reports, which can cut a file short. */
    private static String firstLine(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).get(0);
    }

    static long statusKb(String pid, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", pid, "status"));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim()) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
