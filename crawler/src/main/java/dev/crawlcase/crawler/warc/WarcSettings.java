package dev.crawlcase.crawler.warc;

import dev.crawlcase.json.Range;

import java.nio.file.Path;

/**
 * Where a crawl's WARC files go and how large one may grow before the next is started.
 *
 * @param dir          the folder (created if missing)
 * @param maxFileBytes a file is closed and the next one started once it holds at least this many bytes
 * @param userAgent    the User-Agent the fetchers send (the request records state it)
 * @param obeyRobots   whether the crawl obeys robots.txt (the warcinfo record says so)
 * @param name         what the files are named after besides the start time, e.g. a cluster crawl's id and part
 *                     ({@code crawlcase-<name>-<start>-00000.warc.gz}), so writers sharing a folder never clash;
 *                     null: none
 */
public record WarcSettings(Path dir, long maxFileBytes, String userAgent, boolean obeyRobots, String name) {
    /** A gigabyte, as Heritrix's default: few files for a large crawl, each small enough to move around. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;
    public static final Range MAX_FILE_BYTES_RANGE = new Range(4096, 1L << 40);

    public WarcSettings {
        MAX_FILE_BYTES_RANGE.check("output.warcFileBytes", maxFileBytes);
        if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a WARC file name part is letters, digits, '.', '_' and '-', got " + name);
        }
    }

    /** Settings whose files are named after the start time alone. */
    public WarcSettings(Path dir, long maxFileBytes, String userAgent, boolean obeyRobots) {
        this(dir, maxFileBytes, userAgent, obeyRobots, null);
    }

    /** The same settings, naming the files after {@code newName} too. */
    public WarcSettings named(String newName) {
        return new WarcSettings(dir, maxFileBytes, userAgent, obeyRobots, newName);
    }
}
