package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.LatencyBuckets;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.Outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures of the parts of a sharded crawl that one node runs (in one JVM), as one: what the node's dashboard
 * shows. Counts (pages, records, outcomes, bytes, the parts' own concurrency) add up, and the rate is the pages of
 * all parts over the longest of their walls; what each part measures of the whole JVM (threads, heap, CPU) is the
 * same figure seen by each, so it is taken once (the largest); latency quantiles do not add, so the slowest part's
 * are shown, while the latency buckets add up.
 */
public final class PartsNow {
    private PartsNow() {
    }

    /** The parts' figures as one; empty when no part has figures yet. */
    public static Optional<CrawlNow> sum(List<CrawlNow> parts) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.size() == 1) {
            return Optional.of(parts.get(0));
        }
        List<RunSummary> s = parts.stream().map(CrawlNow::summary).toList();
        RunSummary first = s.get(0);
        Instant started = s.stream().map(RunSummary::startedAt).min(Instant::compareTo).orElseThrow();
        Instant finished = s.stream().map(RunSummary::finishedAt).max(Instant::compareTo).orElseThrow();
        double wall = s.stream().mapToDouble(RunSummary::wallSeconds).max().orElse(0);
        long pages = s.stream().mapToLong(RunSummary::pages).sum();
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        Map<String, Long> reasons = new TreeMap<>();
        s.forEach(p -> {
            p.outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            p.reasons().forEach((k, v) -> reasons.merge(k, v, Long::sum));
        });
        RunSummary.Latency latency = new RunSummary.Latency(
                s.stream().mapToLong(p -> p.fetchLatencyMs().p50()).max().orElse(0),
                s.stream().mapToLong(p -> p.fetchLatencyMs().p90()).max().orElse(0),
                s.stream().mapToLong(p -> p.fetchLatencyMs().p99()).max().orElse(0),
                s.stream().mapToLong(p -> p.fetchLatencyMs().max()).max().orElse(0));
        RunSummary summary = new RunSummary(first.mode(), s.stream().mapToInt(RunSummary::concurrency).sum(),
                first.seeds(), started, finished, wall, pages, s.stream().mapToLong(RunSummary::records).sum(),
                outcomes, reasons, wall > 0 ? pages / wall : 0.0, latency,
                s.stream().mapToLong(RunSummary::peakInFlight).max().orElse(0),
                s.stream().mapToInt(RunSummary::peakThreads).max().orElse(0),
                s.stream().mapToDouble(RunSummary::cpuSeconds).max().orElse(-1),
                s.stream().mapToLong(RunSummary::peakHeapBytes).max().orElse(0),
                s.stream().mapToLong(RunSummary::bytes).sum(), s.stream().anyMatch(RunSummary::stopped));
        return Optional.of(new CrawlNow(summary, parts.stream().mapToInt(CrawlNow::liveThreads).max().orElse(0),
                parts.stream().mapToLong(CrawlNow::heapBytes).max().orElse(0),
                buckets(parts.stream().map(CrawlNow::latency).toList())));
    }

    private static LatencyBuckets buckets(List<LatencyBuckets> parts) {
        List<Long> counts = new ArrayList<>(parts.get(0).counts());
        long count = 0;
        long sumMs = 0;
        for (LatencyBuckets b : parts) {
            if (!b.upperBoundsMs().equals(parts.get(0).upperBoundsMs())) {
                throw new IllegalArgumentException("latency buckets of other bounds: " + b.upperBoundsMs());
            }
            count += b.count();
            sumMs += b.sumMs();
        }
        for (int i = 0; i < counts.size(); i++) {
            int at = i;
            counts.set(i, parts.stream().mapToLong(b -> b.counts().get(at)).sum());
        }
        return new LatencyBuckets(parts.get(0).upperBoundsMs(), counts, count, sumMs);
    }
}
