package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's summary, the one typed form of summary.json: built by {@link CrawlStats}, written by
 * {@link SummaryWriter}, read back by the tables, compare and bench. {@link #toJson()} keeps the file's keys in
 * their fixed order and its outcome counts in label order, so the file reads as it always has.
 *
 * @param concurrency    requests in flight the crawl's own fetcher kept (0 for a frontier that did not fetch)
 * @param wallSeconds    first request to last record
 * @param pages          fetched (parsed HTML) pages
 * @param records        records written, one per discovered URL
 * @param outcomes       records by outcome; outcomes that did not occur are absent
 * @param reasons        records by reason, for the records that have one
 * @param fetchLatencyMs fetch latency over the records that got a response
 * @param peakInFlight   most fetches in flight at once, as counted by the frontier
 * @param peakThreads    most live platform threads of the crawl's JVM (the bundled sites' threads left out)
 * @param cpuSeconds     process CPU time, or -1 when the JVM does not report it
 * @param bytes          body bytes received
 * @param stopped        true when a stop request (Ctrl-C) ended the crawl before its end; in the file only when true
 */
public record RunSummary(Mode mode, int concurrency, List<String> seeds, Instant startedAt, Instant finishedAt,
                         double wallSeconds, long pages, long records, Map<Outcome, Long> outcomes,
                         Map<String, Long> reasons, double pagesPerSecond, Latency fetchLatencyMs, long peakInFlight,
                         int peakThreads, double cpuSeconds, long peakHeapBytes, long bytes, boolean stopped) {

    /** Fetch latency percentiles and maximum in ms, 0 when nothing was measured. */
    public record Latency(long p50, long p90, long p99, long max) {
        JsonObject toJson() {
            return new JsonObject().put("p50", p50).put("p90", p90).put("p99", p99).put("max", max);
        }

        static Latency fromJson(JsonObject json) {
            return new Latency(json.getLong("p50", 0L), json.getLong("p90", 0L), json.getLong("p99", 0L),
                    json.getLong("max", 0L));
        }
    }

    public RunSummary {
        seeds = List.copyOf(seeds);
        EnumMap<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        byOutcome.putAll(outcomes);
        outcomes = Collections.unmodifiableMap(byOutcome);
        reasons = Collections.unmodifiableMap(new TreeMap<>(reasons));
    }

    /** A summary of a crawl that ran to its end. */
    public RunSummary(Mode mode, int concurrency, List<String> seeds, Instant startedAt, Instant finishedAt,
                      double wallSeconds, long pages, long records, Map<Outcome, Long> outcomes,
                      Map<String, Long> reasons, double pagesPerSecond, Latency fetchLatencyMs, long peakInFlight,
                      int peakThreads, double cpuSeconds, long peakHeapBytes, long bytes) {
        this(mode, concurrency, seeds, startedAt, finishedAt, wallSeconds, pages, records, outcomes, reasons,
                pagesPerSecond, fetchLatencyMs, peakInFlight, peakThreads, cpuSeconds, peakHeapBytes, bytes, false);
    }

    /** The same summary, marked as stopped early or not. */
    public RunSummary withStopped(boolean s) {
        return new RunSummary(mode, concurrency, seeds, startedAt, finishedAt, wallSeconds, pages, records, outcomes,
                reasons, pagesPerSecond, fetchLatencyMs, peakInFlight, peakThreads, cpuSeconds, peakHeapBytes, bytes, s);
    }

    /** Records with this outcome. */
    public long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** The summary.json object, keys in a fixed order. */
    public JsonObject toJson() {
        JsonObject byOutcome = new JsonObject();
        labels(outcomes).forEach(byOutcome::put);
        JsonObject byReason = new JsonObject();
        reasons.forEach(byReason::put);
        JsonObject json = new JsonObject()
                .put("mode", mode.label())
                .put("concurrency", concurrency)
                .put("seeds", new JsonArray(new ArrayList<>(seeds)))
                .put("startedAt", startedAt.toString())
                .put("finishedAt", finishedAt.toString())
                .put("wallSeconds", wallSeconds)
                .put("pages", pages)
                .put("records", records)
                .put("outcomes", byOutcome)
                .put("reasons", byReason)
                .put("pagesPerSecond", pagesPerSecond)
                .put("fetchLatencyMs", fetchLatencyMs.toJson())
                .put("peakInFlight", peakInFlight)
                .put("peakThreads", peakThreads)
                .put("cpuSeconds", cpuSeconds)
                .put("peakHeapBytes", peakHeapBytes)
                .put("bytes", bytes);
        if (stopped) {
            // only a stopped crawl carries the mark, so a finished crawl's file keeps exactly the keys it always had
            json.put("stopped", true);
        }
        return json;
    }

    /** Reads a summary.json object back; an unknown mode or outcome is an {@link IllegalArgumentException}. */
    public static RunSummary fromJson(JsonObject json) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        json.getJsonObject("outcomes", new JsonObject())
                .forEach(e -> outcomes.put(Outcome.parse(e.getKey()), ((Number) e.getValue()).longValue()));
        Map<String, Long> reasons = new TreeMap<>();
        json.getJsonObject("reasons", new JsonObject())
                .forEach(e -> reasons.put(e.getKey(), ((Number) e.getValue()).longValue()));
        List<String> seeds = new ArrayList<>();
        json.getJsonArray("seeds", new JsonArray()).forEach(s -> seeds.add((String) s));
        return new RunSummary(Mode.parse(json.getString("mode")), json.getInteger("concurrency", 0), seeds,
                Instant.parse(json.getString("startedAt")), Instant.parse(json.getString("finishedAt")),
                json.getDouble("wallSeconds", 0.0), json.getLong("pages", 0L), json.getLong("records", 0L),
                outcomes, reasons, json.getDouble("pagesPerSecond", 0.0),
                Latency.fromJson(json.getJsonObject("fetchLatencyMs", new JsonObject())),
                json.getLong("peakInFlight", 0L), json.getInteger("peakThreads", 0),
                json.getDouble("cpuSeconds", -1.0), json.getLong("peakHeapBytes", 0L), json.getLong("bytes", 0L),
                json.getBoolean("stopped", false));
    }

    private static Map<String, Long> labels(Map<Outcome, Long> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((o, n) -> out.put(o.label(), n));
        return out;
    }
}
