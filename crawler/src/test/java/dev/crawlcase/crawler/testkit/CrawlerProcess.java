package dev.crawlcase.crawler.testkit;

import dev.crawlcase.crawler.run.JvmFlags;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A crawler JVM started by a test ({@code crawler run|cluster ...}), its output in a file the test can read. Tests
 * start it through {@link CrawlcaseExtension#start}, which kills it after the test.
 */
public final class CrawlerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private CrawlerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static CrawlerProcess start(Path dir, String name, List<String> args) {
        return start(dir, name, List.of(), args);
    }

    /** A crawler JVM with {@code jvmOptions} added to the usual child flags. */
    public static CrawlerProcess start(Path dir, String name, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JvmFlags.child());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add("dev.crawlcase.crawler.cli.CrawlerMain");
        command.addAll(args);
        Path log = dir.resolve(name + ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new CrawlerProcess(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The children run in the test's folder, so relative class-path entries are made absolute first. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Waits until the output contains {@code text}; fails at once if the process ends first. */
    public void awaitOutput(long seconds, String text) {
        awaitCondition(seconds, "output containing '" + text + "'", () -> {
            String o = output();
            if (!o.contains(text) && !process.isAlive()) {
                throw new AssertionError("ended with " + process.exitValue() + " before '" + text + "':\n" + o);
            }
            return o.contains(text);
        });
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit code, or fails when the process has not ended within {@code seconds}. */
    public int exitCode(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + seconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM on Linux, as a service manager or {@code kill} sends it: the shutdown hooks run. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL on Linux: no shutdown hooks, the node just vanishes with whatever it had leased. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGSTOP: every thread of the JVM stands still (as in a frozen VM) until {@link #wake}. */
    public void pause() throws InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void wake() throws InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws InterruptedException {
        try {
            // the shell's own kill: there on every machine, unlike a kill binary
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + name + " " + process.pid()).inheritIO().start();
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks {@code condition} every 20 ms until it holds; fails after {@code seconds}. */
    public static void awaitCondition(long seconds, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Kills the process if it still runs and waits until it is gone, so it writes nothing into a deleted folder. */
    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
