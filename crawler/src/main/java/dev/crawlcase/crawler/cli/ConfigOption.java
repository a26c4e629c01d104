package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.json.ConfigFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --config FILE}, shared by the commands that crawl. Without it: config/crawl.json, else the bundled one. */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Crawl config (JSON). Default: config/crawl.json if present, else the bundled defaults.")
    Path file;

    CrawlConfig load() {
        return CrawlConfigLoader.load(ConfigFile.find(file, CrawlConfigLoader.NAME));
    }
}
