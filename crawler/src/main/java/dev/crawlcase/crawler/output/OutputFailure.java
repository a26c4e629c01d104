package dev.crawlcase.crawler.output;

import java.nio.file.Path;

/**
 * An output file (records, summary, state, report, manifest) could not be written, flushed, synced or closed. It
 * names the file and the system's reason in one line, and what the user can do (free space and resume), so the CLI
 * can print it as is and exit with its own code: a run whose files may be short must never look like a success.
 */
public final class OutputFailure extends RuntimeException {
    private final String what;
    private final Path file;

    /**
     * @param what  which output, as the user knows it ("records file", "summary file", "crawl state")
     * @param hint  what the user can do about it, or null
     */
    public OutputFailure(String what, Path file, Throwable cause, String hint) {
        super(what + " " + file + ": cannot write (" + reason(cause) + ")" + (hint == null ? "" : "; " + hint),
                cause, false, false);
        this.what = what;
        this.file = file;
    }

    /** The same failure with what the user can do about it (a durable crawl: free space, then resume). */
    public OutputFailure withHint(String hint) {
        return new OutputFailure(what, file, getCause(), hint);
    }

    public Path file() {
        return file;
    }

    /** The system's reason in a few words: the cause chain's innermost message, first line only. */
    static String reason(Throwable cause) {
        Throwable inner = cause;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String m = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
