package dev.crawlcase.crawler.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tmpfs of a few hundred KB mounted on a folder, so a test can fill a disk for real (ENOSPC from the kernel, a
 * write cut short mid-line). Mounting needs root, which CI has; elsewhere the test is skipped by an assumption.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kb} KB on {@code dir} (created), or skips the test when that is not allowed. */
    public static SmallDisk mount(Path dir, int kb) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + kb + "k", "tmpfs", dir.toString()),
                "mounting a tmpfs needs root");
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Gives the disk room again ({@code kb} KB in all), keeping what it holds: "once space is back". */
    public void grow(int kb) throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount,size=" + kb + "k", dir.toString())) {
            throw new IOException("cannot grow the tmpfs on " + dir);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!run("umount", "-l", dir.toString())) {
            throw new IOException("cannot unmount " + dir);
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noCommand) {
            return false;
        }
        if (!p.waitFor(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
