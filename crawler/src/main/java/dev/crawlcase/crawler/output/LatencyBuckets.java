package dev.crawlcase.crawler.output;

import java.util.List;

/**
 * Fetch latencies counted into fixed buckets, read from the crawl's one latency histogram ({@link CrawlStats}): what
 * a Prometheus histogram exposes. Values are placed at the histogram's own resolution (three significant digits),
 * so a latency within a tenth of a percent of a bound may land on either side of it.
 *
 * @param upperBoundsMs each bucket's upper bound in ms, ascending; the last bucket (above every bound) has none
 * @param counts        latencies in each bucket (not cumulative), one more than the bounds
 * @param count         latencies counted, the sum of {@code counts}
 * @param sumMs         their sum, in ms
 */
public record LatencyBuckets(List<Long> upperBoundsMs, List<Long> counts, long count, long sumMs) {
    /** Prometheus's usual latency buckets, from 5 ms to a minute. */
    public static final List<Long> BOUNDS_MS = List.of(5L, 10L, 25L, 50L, 100L, 250L, 500L, 1_000L, 2_500L, 5_000L,
            10_000L, 30_000L, 60_000L);

    /** Nothing counted. */
    public static final LatencyBuckets NONE = new LatencyBuckets(BOUNDS_MS,
            java.util.Collections.nCopies(BOUNDS_MS.size() + 1, 0L), 0, 0);

    public LatencyBuckets {
        upperBoundsMs = List.copyOf(upperBoundsMs);
        counts = List.copyOf(counts);
        if (counts.size() != upperBoundsMs.size() + 1) {
            throw new IllegalArgumentException("one count per bound and one above them");
        }
    }
}
