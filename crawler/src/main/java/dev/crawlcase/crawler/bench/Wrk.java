package dev.crawlcase.crawler.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw-HTTP ceiling: {@code wrk} (a C load generator on epoll, no parsing) against one page of the same server.
 * Installed from Debian's packages when missing ({@code apt-get install -y wrk}, after an {@code apt-get update} if
 * the first try fails); if that is impossible the measurement says why instead of failing the benchmark.
 */
final class Wrk {
    static final int THREADS = 2;
    static final int CONNECTIONS = 64;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    /** Requests per second, or NaN with the reason it could not be measured. */
    record Rate(double requestsPerSecond, String unavailable) {
        static Rate unavailable(String why) {
            return new Rate(Double.NaN, why);
        }
    }

    private Wrk() {
    }

    static Rate measure(String url, int seconds) {
        if (!installed() && !install()) {
            return Rate.unavailable("wrk unavailable: not installed and `apt-get install -y wrk` failed");
        }
        try {
            String out = output(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s", url),
                    seconds + 30L);
            return parse(out);
        } catch (IOException e) {
            return Rate.unavailable("wrk unavailable: " + e.getMessage());
        }
    }

    static Rate parse(String wrkOutput) {
        Matcher m = RATE.matcher(wrkOutput);
        return m.find() ? new Rate(Double.parseDouble(m.group(1)), null)
                : Rate.unavailable("wrk unavailable: no Requests/sec in its output");
    }

    private static boolean installed() {
        try {
            output(List.of("wrk", "--version"), 10);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean install() {
        return ran(List.of("apt-get", "install", "-y", "-q", "wrk"))
                || ran(List.of("apt-get", "update", "-q")) && ran(List.of("apt-get", "install", "-y", "-q", "wrk"));
    }

    private static boolean ran(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command and returns its output; wrk --version exits 1, so only a failure to start counts. */
    private static String output(List<String> command, long timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
