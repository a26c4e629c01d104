package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.frontier.FrontierSettings;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.ConfigFile;
import dev.crawlcase.json.JsonFields;
import dev.crawlcase.json.Range;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code compare.json} strictly; relative paths written in it resolve against the file's folder, as in every
 * config ({@link ConfigFile}), and a report folder it leaves out is {@code target/crawlcase-report} in the current
 * folder. Concurrencies take the bounds of {@link Mode#CONCURRENCY_RANGE}, the per-host limit those of the frontier,
 * so every run of the comparison is a crawl that starts.
 */
public final class CompareConfigLoader {
    /** The name of the comparison config: {@code config/compare.json}, and the copy bundled in the jar. */
    public static final String NAME = "compare.json";
    /** The report folder when no config names one: relative to the current folder. */
    public static final Path DEFAULT_REPORT = Path.of("target", "crawlcase-report");

    private CompareConfigLoader() {
    }

    public static CompareConfig load(Path file) {
        return load(ConfigFile.of(file));
    }

    /** A comparison config on disk or bundled in the jar. */
    public static CompareConfig load(ConfigFile file) {
        JsonObject json = file.json();
        try {
            return new JsonFields(json, "").build(f -> read(f, file));
        } catch (ConfigException e) {
            throw e.in(file.toString());
        }
    }

    private static CompareConfig read(JsonFields f, ConfigFile origin) {
        ConfigFile crawl = origin.named(f.string("crawl", CrawlConfigLoader.NAME));
        ConfigFile sites = origin.named(f.string("sites", "sites.json"));
        ConfigFile quick = origin.named(f.string("quickSites", "sites-quick.json"));
        List<Mode> modes = new ArrayList<>();
        for (String name : f.strings("modes")) {
            try {
                modes.add(Mode.parse(name));
            } catch (IllegalArgumentException e) {
                throw f.problem("modes", e.getMessage());
            }
        }
        if (modes.isEmpty()) {
            modes.addAll(List.of(Mode.values()));
        }
        int concurrency = f.intIn("concurrency", Mode.DEFAULT_CONCURRENCY, Mode.CONCURRENCY_RANGE);
        int processes = f.intIn("processes", CompareConfig.DEFAULT_PROCESSES, Mode.CONCURRENCY_RANGE);
        Range perHostRange = FrontierSettings.PER_HOST_CONCURRENCY_RANGE;
        int perHost = f.intIn("perHostConcurrency", (int) Math.min(concurrency, perHostRange.max()), perHostRange);
        List<Integer> sweep = f.ints("sweep", Mode.CONCURRENCY_RANGE);
        Path report = f.has("report") ? origin.resolve(f.string("report", "")) : DEFAULT_REPORT;
        return new CompareConfig(crawl, sites, quick, List.copyOf(modes), concurrency, processes, perHost, sweep,
                report);
    }

    /** One concurrency from a list such as {@code --sweep 1,4,16}. */
    public static int parseConcurrency(String what, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            Range range = Mode.CONCURRENCY_RANGE;
            if (!range.contains(n)) {
                throw new ConfigException(what, "concurrency must be between " + range.min() + " and " + range.max()
                        + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(what, "not a whole number: '" + value + "'");
        }
    }
}
