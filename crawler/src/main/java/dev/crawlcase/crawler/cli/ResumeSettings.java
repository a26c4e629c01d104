package dev.crawlcase.crawler.cli;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.state.StateStore.StateMeta;

import java.nio.file.Path;
import java.util.List;

/**
 * A resumed crawl keeps what it was started with: its seeds (or the bundled sites) and its records and summary
 * files come from the state; flags may repeat them but not change them. Mode, concurrency and the rest may change.
 */
final class ResumeSettings {
    private ResumeSettings() {
    }

    /** What a new state records of {@code c} ({@code bundled}: no seeds were given, the bundled sites are crawled). */
    static StateMeta describe(CrawlConfig c, boolean bundled) {
        return new StateMeta(bundled ? List.of() : c.seeds(), bundled, absolute(c.output().records()),
                absolute(c.output().summary()), c.output().warc() == null ? null : absolute(c.output().warc()));
    }

    /**
     * {@code c} with the state's seeds and files; {@code out}/{@code summary}/{@code warc}: the flags, null if not
     * given. A crawl that kept a WARC archive keeps it in the same folder.
     */
    static CrawlConfig apply(CrawlConfig c, StateMeta meta, List<String> seeds, Path out, Path summary, Path warc) {
        if (meta == null) {
            throw new ConfigException("--resume", "the state holds no crawl (it stopped while starting); "
                    + "remove it and start again");
        }
        if (!seeds.isEmpty() && !seeds.equals(meta.seeds())) {
            throw new ConfigException("SEED_URL", "a resumed crawl keeps its seeds " + (meta.bundledSites()
                    ? "(the bundled sites)" : meta.seeds()) + "; leave them out");
        }
        same("--out", out, meta.records());
        same("--summary", summary, meta.summary());
        if (warc != null && meta.warc() == null) {
            throw new ConfigException("--warc", "this crawl was started without a WARC archive; leave --warc out");
        }
        same("--warc", warc, meta.warc());
        CrawlConfig resumed = c.withOutput(c.output().withFiles(meta.records(), meta.summary()).withWarc(meta.warc()));
        return meta.bundledSites() ? resumed.withSeeds(List.of()) : resumed.withSeeds(meta.seeds());
    }

    private static void same(String flag, Path given, Path stored) {
        if (given != null && !absolute(given).equals(stored)) {
            throw new ConfigException(flag, "this crawl writes " + stored + " (from its state); leave " + flag
                    + " out");
        }
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
