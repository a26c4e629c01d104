package dev.crawlcase.crawler.state;

import java.nio.file.Path;

/**
 * A crawl state that cannot be used as asked. The state layer names the problem and the folder; the tool that was
 * given the folder (the CLI's {@code --state} and {@code --resume}) words it for its user.
 */
public final class StateException extends RuntimeException {
    /** What is wrong, so callers can word it and tests can assert it without parsing text. */
    public enum Problem {
        /** Resume asked, but the folder holds no state. */
        NO_STATE,
        /** A new crawl asked, but the folder already holds one. */
        ALREADY_HOLDS_STATE,
        /** The folder cannot be created. */
        CANNOT_CREATE,
        /** The store file is held by another process (its file lock): a crawl runs on it now. */
        LOCKED,
        /** The store file cannot be opened (damaged, unreadable). */
        CANNOT_OPEN,
        /** The store's entries do not match the checksum committed with them (changed bytes). */
        DAMAGED,
        /** The store is behind its last commit: the file was cut short, or an older copy was put back. */
        BEHIND,
        /** The records file does not belong to this state (more lines than committed records). */
        FOREIGN_RECORDS,
        /** The records file cannot be read or repaired. */
        RECORDS_IO
    }

    private final Problem problem;
    private final Path path;

    public StateException(Problem problem, Path path, String message) {
        super(message, null, false, false);
        this.problem = problem;
        this.path = path;
    }

    public Problem problem() {
        return problem;
    }

    /** The state folder, or the records file for {@link Problem#FOREIGN_RECORDS} and {@link Problem#RECORDS_IO}. */
    public Path path() {
        return path;
    }
}
