package dev.crawlcase.crawler.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}, shared by the commands that draw the live progress line (run, cluster). */
final class ProgressOption {
    @Option(names = "--quiet", description = "No live progress line.")
    boolean quiet;

    boolean shown() {
        return !quiet;
    }
}
