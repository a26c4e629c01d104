package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.output.RunSummary;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Optional;

/** The figures of one child crawl's result ({@link BenchRun}), or its failure. */
record RunFigures(JsonObject result) {
    static final double MB = 1024.0 * 1024.0;

    boolean failed() {
        return result.containsKey("failed");
    }

    String failure() {
        return result.getString("failed");
    }

    /** The crawl's summary; empty when it failed or was measured by a memory probe instead. */
    Optional<RunSummary> summary() {
        JsonObject json = result.getJsonObject("summary");
        return json == null ? Optional.empty() : Optional.of(RunSummary.fromJson(json));
    }

    double wallSeconds() {
        return summary().map(RunSummary::wallSeconds).orElse(Double.NaN);
    }

    long pages() {
        return summary().map(RunSummary::pages).orElse(0L);
    }

    double pagesPerSecond() {
        return summary().map(RunSummary::pagesPerSecond).orElse(Double.NaN);
    }

    double cpuSeconds() {
        return summary().map(RunSummary::cpuSeconds).orElse(Double.NaN);
    }

    int peakThreads() {
        return summary().map(RunSummary::peakThreads).orElse(0);
    }

    double peakHeapMb() {
        return summary().map(RunSummary::peakHeapBytes).orElse(0L) / MB;
    }

    double peakRssMb() {
        return result.getLong("peakRssBytes", -1L) / MB;
    }

    long bytes() {
        return summary().map(RunSummary::bytes).orElse(0L);
    }

    /** TCP listen-queue overflows during the run (warm-up included), -1 when unknown. */
    long listenOverflows() {
        return result.getLong("listenOverflows", -1L);
    }

    /**
     * Where the machine's cores went during the measured crawl ({@link CpuBreakdown}), as one line: "async: of 2
     * cores, parse threads 1.31, event loops 0.25, ...".
     */
    String cpuLine() {
        JsonObject c = result.getJsonObject("cpuBreakdown", new JsonObject());
        String label = result.getString("mode", "?");
        if (c.isEmpty()) {
            return label + ": no CPU breakdown on this platform";
        }
        double busy = c.getDouble("machineBusy", Double.NaN);
        return label + ": of " + c.getInteger("cores") + " cores, parse threads "
                + num(c.getDouble("parseThreads", Double.NaN), 2)
                + ", event loops " + num(c.getDouble("eventLoops", Double.NaN), 2)
                + (c.containsKey("virtualThreadCarriers")
                    ? ", virtual-thread carriers " + num(c.getDouble("virtualThreadCarriers"), 2) : "")
                + ", other crawler threads " + num(c.getDouble("otherJavaThreads", 0.0), 2)
                + ", JVM (JIT, GC) " + num(c.getDouble("jvmInternal", Double.NaN), 2)
                + ", outside the crawler (sites, kernel) " + num(c.getDouble("outsideProcess", Double.NaN), 2)
                + ", stolen by the hypervisor " + num(c.getDouble("stolen", Double.NaN), 2)
                + ", idle " + num(c.getInteger("cores") - busy - c.getDouble("stolen", 0.0), 2)
                + "; JIT compiling " + num(result.getDouble("jitSecondsDuringRun", Double.NaN), 1) + " s of "
                + num(wallSeconds(), 1) + " s after " + result.getInteger("warmupRounds", 0) + " warm-up rounds";
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
