package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.task.Mode;

import java.util.Map;
import java.util.Optional;

/**
 * The rungs of the classic crawler ladder as its source published them (a tutorial series that built the same
 * 10-page crawler over raw sockets in Python several ways, against example.com; figures quoted in the project's
 * case study), beside the mode that stands on the same rung here. Their absolute times are another machine's and
 * the internet's; the ratios to sequential are what a reader compares with ours.
 */
final class PublishedLadder {
    /** One published rung: what it was and how long its 10 pages took. */
    record Rung(String name, double seconds) {
        double speedUp() {
            return SEQUENTIAL_SECONDS / seconds;
        }
    }

    private static final double SEQUENTIAL_SECONDS = 4.5;
    private static final Map<Mode, Rung> RUNGS = Map.of(
            Mode.SEQUENTIAL, new Rung("sequential blocking sockets", SEQUENTIAL_SECONDS),
            Mode.PROCESSES, new Rung("process pool (10)", 0.6),
            Mode.THREAD_POOL, new Rung("thread pool (10)", 0.43),
            Mode.POLL, new Rung("non-blocking busy polling", 4.3),
            Mode.SELECTOR, new Rung("selector (epoll) with callbacks", 0.45),
            Mode.VIRTUAL, new Rung("generator coroutines", 0.43));

    private PublishedLadder() {
    }

    /** The published rung of {@code mode}, if the series had one (it timed no framework event loop). */
    static Optional<Rung> of(Mode mode) {
        return Optional.ofNullable(RUNGS.get(mode));
    }
}
