package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.LatencyBuckets;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.List;

/**
 * {@code crawlcase_fetch_latency_seconds} as a real Prometheus histogram ({@code _bucket}, {@code _count},
 * {@code _sum}), read at each scrape from the board's last snapshot, whose buckets come from the crawl's own
 * HdrHistogram: no second recorder of latency, so the histogram's count is always the summary's.
 *
 * <p>Micrometer cannot take a histogram it did not record itself (its histograms are fed one value at a time), so
 * this collector is registered directly on the Prometheus registry underneath it, beside Micrometer's meters.
 */
final class LatencyHistogram implements Collector {
    static final String NAME = "crawlcase_fetch_latency_seconds";

    private final Board board;

    LatencyHistogram(Board board) {
        this.board = board;
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }

    @Override
    public MetricSnapshot collect() {
        LatencyBuckets b = board.last().map(Snapshot::latency).orElse(LatencyBuckets.NONE);
        double[] bounds = new double[b.upperBoundsMs().size() + 1];
        long[] counts = new long[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = i < b.upperBoundsMs().size() ? b.upperBoundsMs().get(i) / 1000.0 : Double.POSITIVE_INFINITY;
            counts[i] = b.counts().get(i);
        }
        HistogramSnapshot.HistogramDataPointSnapshot point = new HistogramSnapshot.HistogramDataPointSnapshot(
                ClassicHistogramBuckets.of(bounds, counts), b.sumMs() / 1000.0, Labels.EMPTY, null, 0L);
        return new HistogramSnapshot(new MetricMetadata("crawlcase_fetch_latency_seconds",
                "Fetch latency over the records that got a response", Unit.SECONDS), List.of(point));
    }
}
