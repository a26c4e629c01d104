package dev.crawlcase.crawler.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The crawler's exit codes; the README's table lists the same ones. */
final class ExitCode {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    /** An output file (records, summary, state, report, manifest) could not be written in full: see its line. */
    static final int OUTPUT_FAILED = 3;
    /** The crawl ran to its end but fetched no page (a line names the most common reason). */
    static final int NOTHING_FETCHED = 4;
    /** Ctrl-C (SIGINT): the JVM's exit status after the graceful stop, 128 + 2. */
    static final int INTERRUPTED = 130;
    /** SIGTERM (kill, a service manager): the same graceful stop; the JVM's exit status, 128 + 15. */
    static final int TERMINATED = 143;

    /** The list {@code --help} shows, code to meaning, in the README's words. */
    static Map<String, String> described() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(OK), "done");
        codes.put(String.valueOf(FAILED), "failed (compare: a page set differs from the ground truth)");
        codes.put(String.valueOf(BAD_INPUT), "bad input (flag, config, seed URL, output path), before any request");
        codes.put(String.valueOf(OUTPUT_FAILED), "output failed (records, summary, state or report not written in full)");
        codes.put(String.valueOf(NOTHING_FETCHED), "the crawl fetched no page (a line says why)");
        codes.put(String.valueOf(INTERRUPTED), "stopped by Ctrl-C (the run's files are complete; see its last lines)");
        codes.put(String.valueOf(TERMINATED), "stopped by SIGTERM (kill): the same graceful stop as Ctrl-C");
        return codes;
    }

    private ExitCode() {
    }
}
