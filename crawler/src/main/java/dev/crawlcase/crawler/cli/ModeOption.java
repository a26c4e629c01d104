package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.Mode;
import picocli.CommandLine.Option;

/** {@code --mode}, shared by run and cluster: the fetch mode, over the config's. */
final class ModeOption {
    @Option(names = "--mode", paramLabel = "M", description = "sequential, processes, thread-pool, poll, selector, async, virtual or io-uring")
    Mode mode;

    CrawlConfig apply(CrawlConfig c) {
        return mode == null ? c : c.withMode(mode);
    }
}
