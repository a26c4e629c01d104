package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.output.Summaries;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompareTableTest {
    private static final RunResult SEQUENTIAL = run(Summaries.SEQUENTIAL, 10.0);
    private static final RunResult ASYNC = run(Summaries.ASYNC, Double.NaN);
    private static final RunResult THREAD_POOL = run(Summaries.THREAD_POOL, 0.0);

    private static RunResult run(RunSummary s, double idealSeconds) {
        return new RunResult(s.mode(), s.concurrency(), s, Map.of(), null, idealSeconds, false);
    }

    @Test
    void theSummaryTableWithSpeedUpAndIdealAfterTheRate() {
        assertThat(CompareTable.of(List.of(SEQUENTIAL, ASYNC, THREAD_POOL)).render()).isEqualTo("""
                mode         conc  pages  failed  skipped  wall s  pages/s  speed-up  ideal s  x ideal  p50 ms  p99 ms  peak in flight  threads  cpu s  heap MB
                -----------  ----  -----  ------  -------  ------  -------  --------  -------  -------  ------  ------  --------------  -------  -----  -------
                sequential      1    120       0        0   12.35      9.7      1.0x    10.00     1.23       3     250               1       21   3.46       80
                async          64    120       0        0    1.50     80.0      8.2x        -        -       4    1000              64       25   2.00      118
                thread-pool   512      7       0        0    0.25     28.0     49.4x     0.00        -       0       0               0      530  -1.00        0
                """);
    }

    @Test
    void withoutASequentialRunThereIsNoSpeedUp() {
        assertThat(CompareTable.of(List.of(ASYNC)).render()).isEqualTo("""
                mode   conc  pages  failed  skipped  wall s  pages/s  speed-up  ideal s  x ideal  p50 ms  p99 ms  peak in flight  threads  cpu s  heap MB
                -----  ----  -----  ------  -------  ------  -------  --------  -------  -------  ------  ------  --------------  -------  -----  -------
                async    64    120       0        0    1.50     80.0         -        -        -       4    1000              64       25   2.00      118
                """);
    }
}
