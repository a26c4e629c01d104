package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.output.FetcherWork;
import dev.crawlcase.crawler.output.SummaryTable;
import dev.crawlcase.crawler.run.CrawlReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How run and the cluster's frontier end a crawl, finished or stopped: the table, where the files are, the resume
 * hint when there is a state, why nothing was fetched when nothing was; and the exit code that goes with it.
 */
final class CrawlEnding {
    private CrawlEnding() {
    }

    /**
     * @param stateDir the crawl's state folder, or null when it keeps none
     */
    static int print(CrawlReport report, Path stateDir, PrintWriter out, PrintWriter err) {
        return print(report, stateDir, null, out, err);
    }

    /**
     * @param stateDir the crawl's state folder, or null when it keeps none
     * @param fetchers a cluster frontier's fetchers (the table gets a row per fetcher, see
     *                 {@link SummaryTable#byFetchers}), or null for a crawl that fetched alone
     */
    static int print(CrawlReport report, Path stateDir, List<FetcherWork> fetchers, PrintWriter out, PrintWriter err) {
        if (report.stoppedInRestore()) {
            out.println("stopped while the state was restored: nothing fetched, the records file and the state are"
                    + " as they were\nrecords: " + report.records());
            if (stateDir != null) {
                out.println("resume with: run --state " + stateDir + " --resume");
            }
            return ExitCode.INTERRUPTED;
        }
        out.println(fetchers == null ? SummaryTable.of(List.of(report.summary())).render()
                : SummaryTable.byFetchers(report.summary(), fetchers));
        out.println("records: " + report.records() + "\nsummary: " + report.summaryFile());
        if (report.stopped() && stateDir != null) {
            out.println("resume with: run --state " + stateDir + " --resume");
        }
        if (report.stopped()) {
            return ExitCode.INTERRUPTED;
        }
        Optional<String> nothing = NothingFetched.line(report.summary());
        nothing.ifPresent(err::println);
        return nothing.isPresent() ? ExitCode.NOTHING_FETCHED : ExitCode.OK;
    }
}
