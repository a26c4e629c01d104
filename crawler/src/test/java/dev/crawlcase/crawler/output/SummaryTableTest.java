package dev.crawlcase.crawler.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.crawlcase.crawler.output.Summaries.ASYNC;
import static dev.crawlcase.crawler.output.Summaries.SEQUENTIAL;
import static dev.crawlcase.crawler.output.Summaries.THREAD_POOL;
import static org.assertj.core.api.Assertions.assertThat;

class SummaryTableTest {
    @Test
    void rendersTheSameTableAsRunAlwaysPrinted() {
        assertThat(SummaryTable.of(List.of(SEQUENTIAL, ASYNC, THREAD_POOL)).render()).isEqualTo("""
                mode         conc  pages  failed  skipped  wall s  pages/s  p50 ms  p99 ms  peak in flight  threads  cpu s  heap MB
                -----------  ----  -----  ------  -------  ------  -------  ------  ------  --------------  -------  -----  -------
                sequential      1    120       0        0   12.35      9.7       3     250               1       21   3.46       80
                async          64    120       0        0    1.50     80.0       4    1000              64       25   2.00      118
                thread-pool   512      7       0        0    0.25     28.0       0       0               0      530  -1.00        0
                """);
    }

    @Test
    void addedColumnsGoAfterTheRate() {
        SummaryTable<RunSummary> table = SummaryTable.of(List.of(ASYNC), s -> s,
                List.of(new SummaryTable.Column<>("extra", s -> "x" + s.concurrency())));
        assertThat(table.headers()).containsExactly("mode", "conc", "pages", "failed", "skipped", "wall s", "pages/s", "extra",
                "p50 ms",
                "p99 ms", "peak in flight", "threads", "cpu s", "heap MB");
        assertThat(table.cells()).singleElement().satisfies(row -> assertThat(row.get(7)).isEqualTo("x64"));
    }

    @Test
    void notANumberIsADash() {
        assertThat(SummaryTable.fixed(Double.NaN, 2)).isEqualTo("-");
        assertThat(SummaryTable.fixed(1.005, 1)).isEqualTo("1.0");
    }
}
