package dev.crawlcase.crawler.cli;

/** The crawler's exit codes. */
final class ExitCode {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    /** An output file (records, summary, state, report, manifest) could not be written in full: see its line. */
    static final int OUTPUT_FAILED = 3;
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
