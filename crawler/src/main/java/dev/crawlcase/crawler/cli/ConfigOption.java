package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --config FILE}, shared by the commands that crawl. Without it: config/crawl.json, else the bundled one. */
final class ConfigOption {
    static final Path DEFAULT = Path.of("config", "crawl.json");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Crawl config (JSON). Default: config/crawl.json if present, else the bundled defaults.")
    Path file;

    CrawlConfig load() {
        if (file != null) {
            return CrawlConfigLoader.load(file);
        }
        return Files.isRegularFile(DEFAULT) ? CrawlConfigLoader.load(DEFAULT) : CrawlConfigLoader.bundled();
    }
}
