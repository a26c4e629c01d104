package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.LatencyBuckets;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's parts as one: counts add up, what each part measures of the one JVM is taken once. */
class PartsNowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static CrawlNow part(long pages, long skipped, double wallSeconds, double cpuSeconds, long heap,
                                 long latencyP90, long responsesUnder100ms) {
        RunSummary s = new RunSummary(Mode.ASYNC, 4, List.of("http://127.0.0.1:1/"), T0,
                T0.plusMillis((long) (wallSeconds * 1000)), wallSeconds, pages, pages + skipped,
                Map.of(Outcome.FETCHED, pages, Outcome.SKIPPED, skipped), Map.of("robots", skipped),
                pages / wallSeconds, new RunSummary.Latency(10, latencyP90, 90, 100), 6, 30, cpuSeconds, heap,
                pages * 1_000);
        List<Long> counts = new ArrayList<>(Collections.nCopies(LatencyBuckets.BOUNDS_MS.size() + 1, 0L));
        counts.set(4, responsesUnder100ms);
        return new CrawlNow(s, 30, heap, new LatencyBuckets(LatencyBuckets.BOUNDS_MS, counts, responsesUnder100ms,
                responsesUnder100ms * 60));
    }

    @Test
    void countsAddUpAndTheJvmsFiguresAreTakenOnce() {
        CrawlNow sum = PartsNow.sum(List.of(part(10, 2, 5.0, 3.0, 100, 40, 10),
                part(30, 1, 10.0, 3.5, 120, 70, 30))).orElseThrow();
        RunSummary s = sum.summary();

        assertThat(s.pages()).isEqualTo(40);
        assertThat(s.records()).isEqualTo(43);
        assertThat(s.outcomes()).containsEntry(Outcome.FETCHED, 40L).containsEntry(Outcome.SKIPPED, 3L);
        assertThat(s.reasons()).containsEntry("robots", 3L);
        assertThat(s.concurrency()).as("two fetch verticles").isEqualTo(8);
        assertThat(s.bytes()).isEqualTo(40_000);
        assertThat(s.wallSeconds()).isEqualTo(10.0);
        assertThat(s.pagesPerSecond()).isEqualTo(4.0);
        assertThat(s.cpuSeconds()).as("the one JVM's CPU, seen by each part").isEqualTo(3.5);
        assertThat(s.peakHeapBytes()).isEqualTo(120);
        assertThat(s.peakInFlight()).as("the node's peak, given to each part alike").isEqualTo(6);
        assertThat(s.fetchLatencyMs().p90()).as("the slowest part's").isEqualTo(70);
        assertThat(sum.latency().count()).isEqualTo(40);
        assertThat(sum.latency().counts().get(4)).isEqualTo(40);
        assertThat(sum.heapBytes()).isEqualTo(120);
    }

    @Test
    void noPartsNoFigures() {
        assertThat(PartsNow.sum(List.of())).isEmpty();
    }
}
