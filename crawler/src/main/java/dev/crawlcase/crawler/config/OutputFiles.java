package dev.crawlcase.crawler.config;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.OutputPaths;

import java.nio.file.Path;

/**
 * Checks a crawl's two output files before any work starts: each one through the shared check of every command's
 * outputs ({@link OutputPaths}: not a folder, a way to it that can be made, a folder that takes files), and then
 * against each other and the state: two outputs may not be one file, and none may live in the crawl's state folder.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    public static void check(CrawlConfig.Output output) {
        OutputPaths.file("records file", output.records());
        OutputPaths.file("summary file", output.summary());
        if (OutputPaths.same(output.records(), output.summary())) {
            throw new ConfigException("summary file " + output.summary(), "is also the records file; give them"
                    + " different paths");
        }
        if (output.warc() != null) {
            OutputPaths.folder("WARC folder", output.warc());
        }
    }

    /** Like {@link #check(CrawlConfig.Output)}; neither file may be inside {@code stateDir}, the state's own. */
    public static void check(CrawlConfig.Output output, Path stateDir) {
        check(output);
        if (stateDir != null) {
            outsideOf("records file", output.records(), stateDir);
            outsideOf("summary file", output.summary(), stateDir);
            if (output.warc() != null) {
                outsideOf("WARC folder", output.warc(), stateDir);
            }
        }
    }

    private static void outsideOf(String what, Path file, Path stateDir) {
        Path state = stateDir.toAbsolutePath().normalize();
        if (file.toAbsolutePath().normalize().startsWith(state)) {
            throw new ConfigException(what + " " + file, "is inside the state folder " + stateDir
                    + " (its files are the state's own); write it elsewhere");
        }
    }
}
