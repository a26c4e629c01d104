package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.output.TextTable;
import dev.crawlcase.crawler.task.Mode;

import java.util.ArrayList;
import java.util.List;

import static dev.crawlcase.crawler.output.SummaryTable.fixed;

/**
 * The ladder: each mode's run of the comparison (not the sweep) with what explains its time. {@code request s} adds
 * up how long every task took, so it is the waiting the crawl had to do whatever the mode; {@code in flight} is that
 * over the wall time, the requests that overlapped on average (1 when they are strung out one after another);
 * {@code cores busy} is the crawler's CPU seconds over the wall time (the poll mode's point). The published rung's
 * ratio sits beside ours ({@link PublishedLadder}).
 */
public final class LadderTable {
    static final List<String> HEADERS = List.of("mode", "conc", "wall s", "x sequential", "request s", "in flight",
            "cores busy", "published rung", "published x");

    private LadderTable() {
    }

    public static TextTable of(List<RunResult> results) {
        TextTable table = new TextTable(HEADERS.toArray(String[]::new));
        rows(results).forEach(row -> table.row(row.toArray(String[]::new)));
        return table;
    }

    /** The cells, row by row, in the order of {@link #HEADERS}. */
    static List<List<String>> rows(List<RunResult> results) {
        List<RunResult> main = results.stream().filter(r -> !r.sweep()).toList();
        double sequential = main.stream().filter(r -> r.mode() == Mode.SEQUENTIAL)
                .mapToDouble(RunResult::wallSeconds).findFirst().orElse(Double.NaN);
        List<List<String>> rows = new ArrayList<>();
        for (RunResult r : main) {
            boolean timed = !r.timeline().isEmpty();
            rows.add(List.of(r.mode().label(), String.valueOf(r.concurrency()), fixed(r.wallSeconds(), 2),
                    fixed(sequential / r.wallSeconds(), 1),
                    timed ? fixed(r.requestSeconds(), 1) : "-",
                    timed ? fixed(r.requestSeconds() / r.wallSeconds(), 1) : "-",
                    fixed(r.coresBusy(), 2),
                    PublishedLadder.of(r.mode()).map(PublishedLadder.Rung::name).orElse("-"),
                    PublishedLadder.of(r.mode()).map(rung -> fixed(rung.speedUp(), 1)).orElse("-")));
        }
        return rows;
    }
}
