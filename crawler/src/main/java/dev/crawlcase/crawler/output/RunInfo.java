package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;

import java.time.Instant;
import java.util.List;

/**
 * What the summary needs to know about the run besides the records and the resource samples.
 *
 * @param peakInFlight most fetches in flight at once, as counted by the frontier
 */
public record RunInfo(Mode mode, int concurrency, List<String> seeds, Instant startedAt, Instant finishedAt,
                      long peakInFlight) {

    public RunInfo {
        seeds = List.copyOf(seeds);
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt " + finishedAt + " is before startedAt " + startedAt);
        }
    }
}
