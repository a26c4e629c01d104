package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.json.ConfigFile;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code compare} runs: every listed mode on the same world with the same crawl settings.
 *
 * @param crawl              the crawl settings file (timeouts, retries, robots, depth)
 * @param sites              the world for the full comparison
 * @param quickSites         the smaller world {@code --quick} uses
 * @param modes              modes in the order they run
 * @param concurrency        requests in flight for every mode but sequential and processes
 * @param processes          requests in flight for the processes rung: a worker JVM each, started before the crawl,
 *                           so the common concurrency (64 JVMs on a laptop) would measure little but JVM starts; the
 *                           documents' process pool has 10
 * @param perHostConcurrency per-host limit for this comparison (high, so the I/O model is what differs; by default
 *                           the concurrency, within the frontier's per-host bound)
 * @param sweep              concurrencies for the sweep; empty = no sweep unless {@code --sweep} is given
 * @param report             folder for report.html, the charts and compare.json
 */
public record CompareConfig(ConfigFile crawl, ConfigFile sites, ConfigFile quickSites, List<Mode> modes, int concurrency,
                            int processes, int perHostConcurrency, List<Integer> sweep, Path report) {
    public static final int DEFAULT_PROCESSES = 10;

    /** The concurrency {@code mode} runs at in this comparison (sequential's own 1 is the crawl's to apply). */
    public int concurrencyOf(Mode mode) {
        return mode == Mode.PROCESSES ? processes : concurrency;
    }
}
