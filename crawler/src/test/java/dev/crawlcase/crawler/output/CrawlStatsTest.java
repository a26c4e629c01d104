package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.metrics.ResourceSnapshot;
import dev.crawlcase.crawler.task.CrawlRecord;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlStatsTest {

    private static CrawlRecord fetched(long ms) {
        return new CrawlRecord("http://127.0.0.1/" + ms, null, 200, 1, 1000, "text/html", "t", 3, ms, 1,
                Outcome.FETCHED, null, false, Mode.ASYNC);
    }

    @Test
    void percentilesFromKnownValues() {
        CrawlStats stats = new CrawlStats();
        for (long ms = 1; ms <= 100; ms++) {
            stats.accept(fetched(ms));
        }
        assertThat(stats.latencyMs(50)).isEqualTo(50);
        assertThat(stats.latencyMs(90)).isEqualTo(90);
        assertThat(stats.latencyMs(99)).isEqualTo(99);
        assertThat(stats.latencyMs(100)).isEqualTo(100);
    }

    @Test
    void onlyRecordsWithAResponseCountTowardsLatency() {
        CrawlStats stats = new CrawlStats();
        stats.accept(fetched(10));
        stats.accept(new CrawlRecord("u1", "u2", 302, 0, 0, null, null, 0, 20, 1, Outcome.REDIRECTED, null,
                false, Mode.ASYNC));
        stats.accept(new CrawlRecord("u3", null, 404, 0, 0, null, null, 0, 30, 1, Outcome.FAILED, "http_404",
                false, Mode.ASYNC));
        stats.accept(new CrawlRecord("u4", null, null, 0, 0, null, null, 0, 9_999, 3, Outcome.FAILED,
                "timeout_first_byte", false, Mode.ASYNC));
        stats.accept(CrawlRecord.skipped("u5", 1, "robots", Mode.ASYNC));
        assertThat(stats.latencyMs(100)).isEqualTo(30);
        assertThat(stats.records()).isEqualTo(5);
        assertThat(stats.pages()).isEqualTo(1);
    }

    @Test
    void latencyBucketsComeFromTheSameHistogram() {
        CrawlStats stats = new CrawlStats();
        for (long ms = 1; ms <= 100; ms++) {
            stats.accept(fetched(ms));
        }
        stats.accept(fetched(70_000));
        stats.accept(CrawlRecord.skipped("u5", 1, "robots", Mode.ASYNC));
        LatencyBuckets b = stats.latencyBuckets();
        assertThat(b.upperBoundsMs()).isEqualTo(LatencyBuckets.BOUNDS_MS);
        assertThat(b.counts()).containsExactly(5L, 5L, 15L, 25L, 50L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(b.count()).isEqualTo(101);
        assertThat(b.sumMs()).isEqualTo(5050 + 70_000);
    }

    @Test
    void latencyOutsideTheRangeIsClamped() {
        CrawlStats stats = new CrawlStats();
        stats.accept(fetched(0));
        stats.accept(fetched(CrawlStats.MAX_LATENCY_MS * 10));
        assertThat(stats.latencyMs(100)).isGreaterThanOrEqualTo(CrawlStats.MAX_LATENCY_MS);
    }

    @Test
    void summaryHasEveryFieldInOrder() {
        CrawlStats stats = new CrawlStats();
        for (long ms = 1; ms <= 100; ms++) {
            stats.accept(fetched(ms));
        }
        stats.accept(CrawlRecord.skipped("s", 1, "scope", Mode.ASYNC));
        stats.accept(CrawlRecord.skipped("t", 1, "scope", Mode.ASYNC));
        RunInfo run = new RunInfo(Mode.ASYNC, 64, List.of("http://127.0.0.1:1/"), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:10Z"), 60);
        JsonObject s = stats.summary(run, new ResourceSnapshot(40, 30, 12.5, 1 << 26, 100)).toJson();
        assertThat(List.copyOf(s.fieldNames())).containsExactly("mode", "concurrency", "seeds", "startedAt",
                "finishedAt", "wallSeconds", "pages", "records", "outcomes", "reasons", "pagesPerSecond",
                "fetchLatencyMs", "peakInFlight", "peakThreads", "cpuSeconds", "peakHeapBytes", "bytes");
        assertThat(s.getString("startedAt")).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(s.getDouble("wallSeconds")).isEqualTo(10.0);
        assertThat(s.getLong("pages")).isEqualTo(100);
        assertThat(s.getLong("records")).isEqualTo(102);
        assertThat(s.getJsonObject("outcomes").getMap()).containsEntry("fetched", 100L).containsEntry("skipped", 2L);
        assertThat(s.getJsonObject("reasons").getMap()).containsEntry("scope", 2L);
        assertThat(s.getDouble("pagesPerSecond")).isEqualTo(10.0);
        assertThat(s.getJsonObject("fetchLatencyMs").getLong("p99")).isEqualTo(99);
        assertThat(s.getJsonObject("fetchLatencyMs").getLong("max")).isEqualTo(100);
        assertThat(s.getLong("bytes")).isEqualTo(100_000);
        assertThat(s.getInteger("peakThreads")).isEqualTo(40);
        assertThat(s.getLong("peakInFlight")).isEqualTo(60);
    }

    @Test
    void emptyRunSummaryHasZeros() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        JsonObject s = new CrawlStats().summary(new RunInfo(Mode.SEQUENTIAL, 1, List.of(), now, now, 0),
                new ResourceSnapshot(0, 0, -1, 0, 0)).toJson();
        assertThat(s.getDouble("pagesPerSecond")).isZero();
        assertThat(s.getJsonObject("fetchLatencyMs").getLong("p50")).isZero();
    }
}
