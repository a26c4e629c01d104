package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.RecordSink;

import dev.crawlcase.crawler.metrics.ResourceSnapshot;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Outcome;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts records as they are written (a {@link RecordSink} next to the JSONL writer) and builds the run summary:
 * counts by outcome and reason, bytes, and a fetch-latency histogram (1 ms .. 10 min, 3 significant digits) over
 * the records that got a response (fetched, redirected, or failed with a status).
 */
public final class CrawlStats implements RecordSink {

    static final long MAX_LATENCY_MS = 600_000;

    private final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Histogram latency = new Histogram(1, MAX_LATENCY_MS, 3);
    private long records;
    private long bytes;

    @Override
    public synchronized void accept(CrawlRecord record) {
        records++;
        bytes += record.bytes();
        byOutcome.merge(record.outcome(), 1L, Long::sum);
        if (record.reason() != null) {
            byReason.merge(record.reason(), 1L, Long::sum);
        }
        if (gotResponse(record)) {
            latency.recordValue(Math.max(0, Math.min(MAX_LATENCY_MS, record.fetchMs())));
        }
    }

    public synchronized long records() {
        return records;
    }

    /** Fetched (parsed HTML) pages. */
    public synchronized long pages() {
        return byOutcome.getOrDefault(Outcome.FETCHED, 0L);
    }

    /** Latency at a percentile (0..100) in ms, 0 when nothing was recorded. */
    public synchronized long latencyMs(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile);
    }

    /** The summary JSON, keys in a fixed order. */
    public synchronized JsonObject summary(RunInfo run, ResourceSnapshot resources) {
        double wallSeconds = Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
        long pages = pages();
        return new JsonObject()
                .put("mode", run.mode().label())
                .put("concurrency", run.concurrency())
                .put("seeds", new JsonArray(run.seeds()))
                .put("startedAt", run.startedAt().toString())
                .put("finishedAt", run.finishedAt().toString())
                .put("wallSeconds", wallSeconds)
                .put("pages", pages)
                .put("records", records)
                .put("outcomes", toJson(labels(byOutcome)))
                .put("reasons", toJson(byReason))
                .put("pagesPerSecond", wallSeconds > 0 ? pages / wallSeconds : 0.0)
                .put("fetchLatencyMs", new JsonObject()
                        .put("p50", latencyMs(50))
                        .put("p90", latencyMs(90))
                        .put("p99", latencyMs(99))
                        .put("max", latency.getTotalCount() == 0 ? 0 : latency.getMaxValue()))
                .put("peakInFlight", run.peakInFlight())
                .put("peakThreads", resources.peakThreads())
                .put("cpuSeconds", resources.cpuSeconds())
                .put("peakHeapBytes", resources.peakHeapBytes())
                .put("bytes", bytes);
    }

    private static boolean gotResponse(CrawlRecord r) {
        return switch (r.outcome()) {
            case FETCHED, REDIRECTED -> true;
            case FAILED -> r.status() != null;
            case SKIPPED -> false;
        };
    }

    /** Counts by label, in label order as the summary has always listed them. */
    private static Map<String, Long> labels(Map<Outcome, Long> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((o, n) -> out.put(o.label(), n));
        return out;
    }

    private static JsonObject toJson(Map<String, Long> counts) {
        JsonObject json = new JsonObject();
        counts.forEach(json::put);
        return json;
    }
}
