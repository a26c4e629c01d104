package dev.crawlcase.crawler.bench;

import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** The figures of one child crawl's result ({@link BenchRun}), or its failure. */
record RunFigures(JsonObject result) {
    static final double MB = 1024.0 * 1024.0;

    boolean failed() {
        return result.containsKey("failed");
    }

    String failure() {
        return result.getString("failed");
    }

    JsonObject summary() {
        return result.getJsonObject("summary", new JsonObject());
    }

    double wallSeconds() {
        return summary().getDouble("wallSeconds", Double.NaN);
    }

    long pages() {
        return summary().getLong("pages", 0L);
    }

    double pagesPerSecond() {
        return summary().getDouble("pagesPerSecond", Double.NaN);
    }

    double cpuSeconds() {
        return summary().getDouble("cpuSeconds", Double.NaN);
    }

    int peakThreads() {
        return summary().getInteger("peakThreads", 0);
    }

    double peakHeapMb() {
        return summary().getLong("peakHeapBytes", 0L) / MB;
    }

    double peakRssMb() {
        return result.getLong("peakRssBytes", -1L) / MB;
    }

    long bytes() {
        return summary().getLong("bytes", 0L);
    }

    /** TCP listen-queue overflows during the run (warm-up included), -1 when unknown. */
    long listenOverflows() {
        return result.getLong("listenOverflows", -1L);
    }

    /** "ok", or the failure mode. */
    String outcome() {
        return failed() ? "FAILED: " + failure() : "ok";
    }

    /** A number with a fixed count of decimals ("-" for NaN). */
    static String num(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
