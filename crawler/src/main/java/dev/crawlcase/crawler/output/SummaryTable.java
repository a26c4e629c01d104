package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one table of run summaries, a row per run: mode, concurrency, pages fetched, records failed and skipped, wall
 * time and rate, then latency, peak in
 * flight, threads, CPU and heap. A caller with more to say per run (compare: speed-up and the ideal time) adds its
 * columns after the rate instead of drawing a table of its own. Rendered as text, or handed out as headers and cells
 * for other renderers (the HTML report).
 *
 * @param <T> what one row is made from: a summary, or something that carries one
 */
public final class SummaryTable<T> {

    /** A column a caller adds: its header and its cell for one row. */
    public record Column<T>(String header, Function<T, String> cell) {
    }

    private static final List<String> LEADING = List.of("mode", "conc", "pages", "failed", "skipped", "wall s",
            "pages/s");
    private static final List<String> TRAILING = List.of("p50 ms", "p99 ms", "peak in flight", "threads", "cpu s",
            "heap MB");
    private static final double MB = 1024.0 * 1024.0;

    private final List<T> rows;
    private final Function<T, RunSummary> summary;
    private final List<Column<T>> afterRate;

    private SummaryTable(List<T> rows, Function<T, RunSummary> summary, List<Column<T>> afterRate) {
        this.rows = List.copyOf(rows);
        this.summary = summary;
        this.afterRate = List.copyOf(afterRate);
    }

    /** The plain table: one row per summary. */
    public static SummaryTable<RunSummary> of(List<RunSummary> summaries) {
        return new SummaryTable<>(summaries, s -> s, List.of());
    }

    /** One row per item, from its summary, with {@code afterRate} inserted after the pages/s column. */
    public static <T> SummaryTable<T> of(List<T> rows, Function<T, RunSummary> summary, List<Column<T>> afterRate) {
        return new SummaryTable<>(rows, summary, afterRate);
    }

    public List<String> headers() {
        List<String> headers = new ArrayList<>(LEADING);
        afterRate.forEach(c -> headers.add(c.header()));
        headers.addAll(TRAILING);
        return headers;
    }

    /** The cells, a list per row, in the order of {@link #headers()}. */
    public List<List<String>> cells() {
        return rows.stream().map(this::cells).toList();
    }

    /** The text table (see {@link TextTable}), ending with a line break. */
    public String render() {
        TextTable table = new TextTable(headers().toArray(String[]::new));
        cells().forEach(row -> table.row(row.toArray(String[]::new)));
        return table.render();
    }

    private List<String> cells(T row) {
        RunSummary s = summary.apply(row);
        List<String> cells = new ArrayList<>(List.of(s.mode().label(), String.valueOf(s.concurrency()),
                String.valueOf(s.pages()), String.valueOf(s.count(Outcome.FAILED)),
                String.valueOf(s.count(Outcome.SKIPPED)), fixed(s.wallSeconds(), 2), fixed(s.pagesPerSecond(), 1)));
        afterRate.forEach(c -> cells.add(c.cell().apply(row)));
        cells.addAll(List.of(String.valueOf(s.fetchLatencyMs().p50()), String.valueOf(s.fetchLatencyMs().p99()),
                String.valueOf(s.peakInFlight()), String.valueOf(s.peakThreads()), fixed(s.cpuSeconds(), 2),
                fixed(s.peakHeapBytes() / MB, 0)));
        return cells;
    }

    /**
     * A cluster frontier's table: a row per fetcher that did the work (its mode, concurrency, process and page
     * requests), then the crawl's own figures in a row {@code all} (the fetchers' concurrencies and requests summed;
     * threads, CPU and heap are the frontier's JVM). The frontier's own mode and concurrency get no row: a frontier
     * that fetches too is one of the fetchers.
     */
    public static String byFetchers(RunSummary crawl, List<FetcherWork> fetchers) {
        List<String> headers = new ArrayList<>(List.of("mode", "conc", "pid", "page requests"));
        List<String> rest = of(List.of(crawl)).headers();
        headers.addAll(rest.subList(2, rest.size()));
        TextTable table = new TextTable(headers.toArray(String[]::new));
        int blanks = rest.size() - 2;
        for (FetcherWork f : fetchers) {
            List<String> row = new ArrayList<>(List.of(f.mode().label(), String.valueOf(f.concurrency()),
                    String.valueOf(f.pid()), String.valueOf(f.pageRequests())));
            row.addAll(Collections.nCopies(blanks, ""));
            table.row(row.toArray(String[]::new));
        }
        List<String> crawlCells = of(List.of(crawl)).cells().get(0);
        List<String> all = new ArrayList<>(List.of("all",
                String.valueOf(fetchers.stream().mapToInt(FetcherWork::concurrency).sum()), "",
                String.valueOf(fetchers.stream().mapToLong(FetcherWork::pageRequests).sum())));
        all.addAll(crawlCells.subList(2, crawlCells.size()));
        table.row(all.toArray(String[]::new));
        return table.render();
    }

    /** A number with a fixed count of decimals, "-" when it is not a number. */
    public static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
