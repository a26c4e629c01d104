package dev.crawlcase.crawler.output;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies records as they are written (counts by outcome and reason, bytes, fetch latency in an HdrHistogram)
 * and turns them, with the run's resource figures, into the summary JSON.
 */
public final class SummaryBuilder implements RecordSink {
    private final Histogram latency = new Histogram(1, 600_000, 3);
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, Long> reasons = new TreeMap<>();
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private long bytes;
    private long records;

    /** What the summary needs besides the records. */
    public record Inputs(String mode, int concurrency, List<String> seeds, int peakInFlight,
                         ResourceSampler.Snapshot resources) {
    }

    @Override
    public synchronized void accept(CrawlRecord r) {
        records++;
        outcomes.merge(r.outcome(), 1L, Long::sum);
        if (r.reason() != null) {
            reasons.merge(r.reason(), 1L, Long::sum);
        }
        bytes += r.bytes();
        if (r.status() != null) {
            latency.recordValue(Math.max(1, Math.min(600_000, r.fetchMs())));
        }
    }

    public synchronized JsonObject summary(Inputs in) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        long pages = outcomes.getOrDefault(CrawlRecord.FETCHED, 0L);
        JsonObject lat = new JsonObject().put("p50", latency.getValueAtPercentile(50))
                .put("p90", latency.getValueAtPercentile(90)).put("p99", latency.getValueAtPercentile(99))
                .put("max", latency.getMaxValue()).put("count", latency.getTotalCount());
        return new JsonObject().put("mode", in.mode()).put("concurrency", in.concurrency())
                .put("seeds", new JsonArray(List.copyOf(in.seeds())))
                .put("startedAt", started.toString()).put("finishedAt", Instant.now().toString())
                .put("wallSeconds", wall).put("pages", pages).put("records", records)
                .put("outcomes", new JsonObject(Map.copyOf(outcomes))).put("reasons", new JsonObject(Map.copyOf(reasons)))
                .put("pagesPerSecond", wall > 0 ? pages / wall : 0.0).put("fetchLatencyMs", lat)
                .put("peakInFlight", in.peakInFlight()).put("peakThreads", in.resources().peakThreads())
                .put("cpuSeconds", in.resources().cpuSeconds()).put("peakHeapBytes", in.resources().peakHeapBytes())
                .put("bytes", bytes);
    }
}
