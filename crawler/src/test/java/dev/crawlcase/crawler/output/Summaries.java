package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Run summaries with known table figures, for the tests of the tables that show them. */
public final class Summaries {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    public static final RunSummary SEQUENTIAL = summary(Mode.SEQUENTIAL, 1, 120, 12.345, 9.7205, 3, 250, 1, 21,
            3.456, 80L << 20);
    public static final RunSummary ASYNC = summary(Mode.ASYNC, 64, 120, 1.5, 80.0, 4, 1000, 64, 25, 2.0, 123456789L);
    public static final RunSummary THREAD_POOL = summary(Mode.THREAD_POOL, 512, 7, 0.25, 28.0, 0, 0, 0, 530, -1.0, 0);

    private Summaries() {
    }

    /** A summary with the figures the table shows; the rest are plausible filler. */
    static RunSummary summary(Mode mode, int concurrency, long pages, double wallSeconds, double rate, long p50,
                              long p99, long peakInFlight, int threads, double cpuSeconds, long heapBytes) {
        return new RunSummary(mode, concurrency, List.of("http://127.0.0.1:1/"), START, START.plusSeconds(10),
                wallSeconds, pages, pages + 3, Map.of(Outcome.FETCHED, pages), Map.of(), rate,
                new RunSummary.Latency(p50, p50 + 1, p99, p99 + 5), peakInFlight, threads, cpuSeconds, heapBytes, 1234);
    }
}
