package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.RecordSink;

import dev.crawlcase.crawler.metrics.ResourceSnapshot;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Outcome;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
    /** The sum of the latencies the histogram holds (it keeps counts, not an exact sum). */
    private long latencySumMs;

    @Override
    public synchronized void accept(CrawlRecord record) {
        records++;
        bytes += record.bytes();
        byOutcome.merge(record.outcome(), 1L, Long::sum);
        if (record.reason() != null) {
            byReason.merge(record.reason(), 1L, Long::sum);
        }
        if (gotResponse(record)) {
            long ms = Math.max(0, Math.min(MAX_LATENCY_MS, record.fetchMs()));
            latency.recordValue(ms);
            latencySumMs += ms;
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

    /** The latencies so far in {@link LatencyBuckets#BOUNDS_MS}, read from the one histogram. */
    public synchronized LatencyBuckets latencyBuckets() {
        List<Long> bounds = LatencyBuckets.BOUNDS_MS;
        long[] counts = new long[bounds.size() + 1];
        for (HistogramIterationValue v : latency.recordedValues()) {
            int bucket = 0;
            while (bucket < bounds.size() && v.getValueIteratedTo() > bounds.get(bucket)) {
                bucket++;
            }
            counts[bucket] += v.getCountAtValueIteratedTo();
        }
        return new LatencyBuckets(bounds, Arrays.stream(counts).boxed().toList(), latency.getTotalCount(),
                latencySumMs);
    }

    /** The run's summary from what was counted, the run's facts and the resource samples. */
    public synchronized RunSummary summary(RunInfo run, ResourceSnapshot resources) {
        double wallSeconds = Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
        long pages = pages();
        return new RunSummary(run.mode(), run.concurrency(), run.seeds(), run.startedAt(), run.finishedAt(),
                wallSeconds, pages, records, byOutcome, byReason, wallSeconds > 0 ? pages / wallSeconds : 0.0,
                new RunSummary.Latency(latencyMs(50), latencyMs(90), latencyMs(99),
                        latency.getTotalCount() == 0 ? 0 : latency.getMaxValue()),
                run.peakInFlight(), resources.peakThreads(), resources.cpuSeconds(), resources.peakHeapBytes(), bytes);
    }

    private static boolean gotResponse(CrawlRecord r) {
        return switch (r.outcome()) {
            case FETCHED, REDIRECTED -> true;
            case FAILED -> r.status() != null;
            case SKIPPED -> false;
        };
    }
}
