package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --out} and {@code --summary}, shared by run and cluster: where the records and the summary go, over the
 * config's files. A command whose help says more about them (cluster: only the frontier writes them) overrides the
 * descriptions by key in its resource bundle.
 */
final class OutputOptions {
    @Option(names = "--out", paramLabel = "FILE.jsonl", descriptionKey = "out", converter = FilePath.class,
            description = "One JSON record per URL.")
    Path records;

    @Option(names = "--summary", paramLabel = "FILE.json", descriptionKey = "summary", converter = FilePath.class,
            description = "Counts, rates, latency percentiles, resources.")
    Path summary;

    boolean given() {
        return records != null || summary != null;
    }

    CrawlConfig apply(CrawlConfig c) {
        if (!given()) {
            return c;
        }
        return c.withOutput(c.output().withFiles(records == null ? c.output().records() : records,
                summary == null ? c.output().summary() : summary));
    }
}
