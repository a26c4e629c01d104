package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.output.TextTable;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;

/** The per-mode result table printed by {@code run}, from crawl summaries. */
final class SummaryTable {
    private SummaryTable() {
    }

    static String render(List<JsonObject> summaries) {
        TextTable table = new TextTable("mode", "conc", "pages", "wall s", "pages/s", "p50 ms", "p99 ms",
                "peak in flight", "threads", "cpu s", "heap MB");
        for (JsonObject s : summaries) {
            JsonObject latency = s.getJsonObject("fetchLatencyMs", new JsonObject());
            table.row(s.getString("mode"), String.valueOf(s.getInteger("concurrency")),
                    String.valueOf(s.getLong("pages")), fixed(s.getDouble("wallSeconds"), 2),
                    fixed(s.getDouble("pagesPerSecond"), 1), String.valueOf(latency.getLong("p50", 0L)),
                    String.valueOf(latency.getLong("p99", 0L)), String.valueOf(s.getInteger("peakInFlight")),
                    String.valueOf(s.getInteger("peakThreads")), fixed(s.getDouble("cpuSeconds"), 2),
                    fixed(s.getLong("peakHeapBytes", 0L) / 1048576.0, 0));
        }
        return table.render();
    }

    static String fixed(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
