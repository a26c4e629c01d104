package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.task.Mode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What every scenario runs with.
 *
 * @param log        progress lines
 * @param workDir    site configs, crawl configs, records and child logs of this run
 * @param scale      page counts and concurrencies are multiplied by this (1 = the sizes; tests use ~0.01)
 * @param modes      the modes to run (a scenario skips the others)
 * @param wrk        whether to run wrk for the throughput ceiling
 */
record BenchContext(PrintWriter log, Path workDir, double scale, List<Mode> modes, boolean wrk) {

    /** {@code n} times the scale, at least {@code min}. */
    int scaled(int n, int min) {
        return (int) Math.max(min, Math.round(n * scale));
    }

    boolean runs(Mode mode) {
        return modes.contains(mode) && ModeVerticles.unavailableReason(mode).isEmpty();
    }
}
