package dev.crawlcase.crawler.config;

import dev.crawlcase.json.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the records and summary paths before a crawl starts, so a path that can never be written is one line
 * (exit code 2) up front, not a failure after the crawl: neither may be a folder, and no existing part of the way to
 * them may be a plain file. Nothing is created here.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    public static void check(CrawlConfig.Output output) {
        check("records file", output.records());
        check("summary file", output.summary());
    }

    private static void check(String what, Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new ConfigException(what + " " + file, "is a folder");
        }
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new ConfigException(what + " " + file, p + " is not a folder");
                }
                return;
            }
        }
    }
}
