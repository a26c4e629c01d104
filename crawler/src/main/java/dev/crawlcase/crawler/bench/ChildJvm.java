package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.run.JvmFlags;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link BenchRun} in a child JVM (the same java and class path as this one), waits for it within a time
 * limit and reads its result. A child that fails, crashes or runs out of time gives a one-line failure mode instead,
 * taken from its log: an {@code OutOfMemoryError} or thread-creation error line if there is one, else the last line.
 */
final class ChildJvm {
    /** Same heap limit for every mode, so heap figures compare. */
    static final List<String> CRAWL_JVM = List.of("-Xmx4g");
    /**
     * A memory probe's heap is fixed and touched up front, so the resident set does not move with the heap and its
     * growth is native memory (thread stacks, direct buffers).
     */
    static final List<String> PROBE_JVM = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

    private ChildJvm() {
    }

    /** The child's result JSON, or {@code {"failed": "..."}}. */
    static JsonObject run(Path dir, String name, JsonObject crawlConfig, long warmupPages, int probeInFlight,
                          long timeoutSeconds) {
        Path crawlFile = dir.resolve(name + "-crawl.json");
        Path resultFile = dir.resolve(name + "-result.json");
        Path log = dir.resolve(name + ".log");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(resultFile);
            Files.writeString(crawlFile, crawlConfig.encodePrettily(), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(probeInFlight > 0 ? PROBE_JVM : CRAWL_JVM);
            command.addAll(JvmFlags.child());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchRun.class.getName(),
                    crawlFile.toString(), resultFile.toString(), Long.toString(warmupPages), Integer.toString(probeInFlight)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return failed("did not finish within " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0 || !Files.exists(resultFile)) {
                return failed(failureMode(Files.readAllLines(log, StandardCharsets.UTF_8), process.exitValue()));
            }
            return new JsonObject(Files.readString(resultFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark child " + name + " failed to start or report", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    static JsonObject failed(String why) {
        return new JsonObject().put("failed", why);
    }

    /** The most telling line of a failed child's log. */
    static String failureMode(List<String> log, int exitCode) {
        for (String line : log) {
            if (line.contains("OutOfMemoryError") || line.contains("unable to create native thread")
                    || line.contains("Too many open files")) {
                return line.strip() + " (exit " + exitCode + ")";
            }
        }
        for (int i = log.size() - 1; i >= 0; i--) {
            if (!log.get(i).isBlank()) {
                return log.get(i).strip() + " (exit " + exitCode + ")";
            }
        }
        return "exit code " + exitCode;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
