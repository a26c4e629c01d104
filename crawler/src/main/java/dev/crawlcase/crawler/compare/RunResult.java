package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.mode.FetchTimeline;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * One crawl of a comparison.
 *
 * @param pages        fetched pages as {@code site:/path?query} -> depth (ports differ from run to run)
 * @param truth        the ground truth in the same form, or null for sites we know nothing about
 * @param idealSeconds the simulated shortest makespan, or NaN when unknown
 * @param sweep        true for a run of the concurrency sweep
 * @param timeline     when each task ran and in which slot (empty when not recorded)
 * @param resources    live threads and CPU over the run, sampled (empty when not recorded)
 */
public record RunResult(Mode mode, int concurrency, RunSummary summary, Map<String, Integer> pages,
                        Map<String, Integer> truth, double idealSeconds, boolean sweep,
                        List<FetchTimeline.Span> timeline, List<ResourceSampler.Sample> resources) {

    /** A run without a timeline or resource samples. */
    public RunResult(Mode mode, int concurrency, RunSummary summary, Map<String, Integer> pages,
                     Map<String, Integer> truth, double idealSeconds, boolean sweep) {
        this(mode, concurrency, summary, pages, truth, idealSeconds, sweep, List.of(), List.of());
    }

    /** Cores busy while crawling: CPU seconds of the crawler process over wall seconds (NaN when unknown). */
    public double coresBusy() {
        return summary.cpuSeconds() < 0 || summary.wallSeconds() <= 0 ? Double.NaN
                : summary.cpuSeconds() / summary.wallSeconds();
    }

    /** The time every task took, added up: what the crawl spent waiting, however it overlapped it. */
    public double requestSeconds() {
        return timeline.stream().mapToDouble(FetchTimeline.Span::millis).sum() / 1000;
    }

    public double wallSeconds() {
        return summary.wallSeconds();
    }

    public int peakThreads() {
        return summary.peakThreads();
    }

    public boolean matchesTruth() {
        return truth == null || truth.equals(pages);
    }

    public JsonObject toJson() {
        return summary.toJson().put("sweep", sweep).put("idealSeconds", Double.isNaN(idealSeconds) ? null : idealSeconds)
                .put("ratioToIdeal", Double.isNaN(idealSeconds) || idealSeconds <= 0 ? null : wallSeconds() / idealSeconds)
                .put("pageSetMatchesGroundTruth", truth == null ? null : matchesTruth())
                .put("groundTruthPages", truth == null ? null : truth.size())
                .put("coresBusy", Double.isNaN(coresBusy()) ? null : coresBusy())
                .put("requestSeconds", timeline.isEmpty() ? null : requestSeconds());
    }
}
