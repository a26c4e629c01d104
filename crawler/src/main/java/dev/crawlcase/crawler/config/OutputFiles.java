package dev.crawlcase.crawler.config;

import dev.crawlcase.json.ConfigException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks output paths before any work starts, so a path that can never be written is one line (exit code 2) up
 * front, not a failure after the crawl: a file may not be a folder, no existing part of the way to it may be a plain
 * file, the nearest existing folder must take new files (permission, a read-only or virtual file system), two
 * outputs may not be one file, and none may live in the crawl's state folder. Missing folders are created later by
 * the writers; nothing is left behind here (the probe file that tests a folder is deleted at once).
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    public static void check(CrawlConfig.Output output) {
        check("records file", output.records());
        check("summary file", output.summary());
        if (same(output.records(), output.summary())) {
            throw new ConfigException("summary file " + output.summary(), "is also the records file; give them"
                    + " different paths");
        }
        if (output.warc() != null) {
            checkFolder("WARC folder", output.warc());
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

    /** One output file named {@code what} (a flag or "records file"): writable once its folders exist. */
    public static void check(String what, Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new ConfigException(what + " " + file, "is a folder");
        }
        if (Files.exists(absolute)) {
            if (!Files.isWritable(absolute)) {
                throw new ConfigException(what + " " + file, "cannot be written (permission denied)");
            }
            return;
        }
        creatableIn(what + " " + file, absolute.getParent());
    }

    /** An output folder named {@code what}: a folder, or one that can be created. */
    public static void checkFolder(String what, Path dir) {
        Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new ConfigException(what + " " + dir, "is a file, expected a folder");
        }
        creatableIn(what + " " + dir, absolute);
    }

    /** The nearest existing folder on the way to {@code dir} (itself included) takes a new file. */
    private static void creatableIn(String what, Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new ConfigException(what, p + " is not a folder");
                }
                probe(what, p);
                return;
            }
        }
    }

    /**
     * Creates and deletes a file in {@code folder}: the only test that is true for root (who passes every
     * permission check) and for virtual file systems such as /proc, which accept no new files.
     */
    private static void probe(String what, Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".crawlcase-", ".probe"));
        } catch (AccessDeniedException e) {
            throw new ConfigException(what, "cannot create files in " + folder + " (permission denied)");
        } catch (IOException | SecurityException e) {
            throw new ConfigException(what, "cannot create files in " + folder + " (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e instanceof java.nio.file.NoSuchFileException ? "it takes no new files" : String.valueOf(e.getMessage());
    }

    private static void outsideOf(String what, Path file, Path stateDir) {
        Path state = stateDir.toAbsolutePath().normalize();
        if (file.toAbsolutePath().normalize().startsWith(state)) {
            throw new ConfigException(what + " " + file, "is inside the state folder " + stateDir
                    + " (its files are the state's own); write it elsewhere");
        }
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
