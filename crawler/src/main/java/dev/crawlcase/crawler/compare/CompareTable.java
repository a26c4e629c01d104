package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.output.SummaryTable;
import dev.crawlcase.crawler.output.SummaryTable.Column;
import dev.crawlcase.crawler.task.Mode;

import java.util.List;

import static dev.crawlcase.crawler.output.SummaryTable.fixed;

/** The comparison's table: the summary table with speed-up over sequential and distance from the ideal added. */
public final class CompareTable {
    private CompareTable() {
    }

    public static SummaryTable<RunResult> of(List<RunResult> results) {
        double sequential = results.stream().filter(r -> r.mode() == Mode.SEQUENTIAL)
                .mapToDouble(RunResult::wallSeconds).findFirst().orElse(Double.NaN);
        return SummaryTable.of(results, RunResult::summary, List.of(
                new Column<>("speed-up", r -> Double.isNaN(sequential) ? "-"
                        : fixed(sequential / r.wallSeconds(), 1) + "x"),
                new Column<>("ideal s", r -> fixed(r.idealSeconds(), 2)),
                new Column<>("x ideal", r -> Double.isNaN(r.idealSeconds()) || r.idealSeconds() <= 0 ? "-"
                        : fixed(r.wallSeconds() / r.idealSeconds(), 2))));
    }
}
