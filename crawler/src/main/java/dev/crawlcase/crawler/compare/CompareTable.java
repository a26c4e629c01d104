package dev.crawlcase.crawler.compare;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;

/** The comparison as rows of text: one per run, with speed-up over sequential and distance from the ideal. */
public final class CompareTable {
    public static final String[] HEADERS = {"mode", "conc", "pages", "wall s", "pages/s", "speed-up", "ideal s",
        "x ideal", "p50 ms", "p99 ms", "peak in flight", "threads", "cpu s", "heap MB"};

    private CompareTable() {
    }

    public static List<String[]> rows(List<RunResult> results) {
        double sequential = results.stream().filter(r -> r.mode().label().equals("sequential"))
                .mapToDouble(RunResult::wallSeconds).findFirst().orElse(Double.NaN);
        return results.stream().map(r -> row(r, sequential)).toList();
    }

    private static String[] row(RunResult r, double sequentialSeconds) {
        JsonObject s = r.summary();
        JsonObject latency = s.getJsonObject("fetchLatencyMs", new JsonObject());
        double ideal = r.idealSeconds();
        return new String[] {r.mode().label(), String.valueOf(r.concurrency()), String.valueOf(s.getLong("pages")),
            fixed(r.wallSeconds(), 2), fixed(s.getDouble("pagesPerSecond"), 1),
            Double.isNaN(sequentialSeconds) ? "-" : fixed(sequentialSeconds / r.wallSeconds(), 1) + "x",
            Double.isNaN(ideal) ? "-" : fixed(ideal, 2), Double.isNaN(ideal) || ideal <= 0 ? "-" : fixed(r.wallSeconds() / ideal, 2),
            String.valueOf(latency.getLong("p50", 0L)), String.valueOf(latency.getLong("p99", 0L)),
            String.valueOf(s.getInteger("peakInFlight")), String.valueOf(s.getInteger("peakThreads")),
            fixed(s.getDouble("cpuSeconds"), 2), fixed(s.getLong("peakHeapBytes", 0L) / 1048576.0, 0)};
    }

    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
