package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.output.CrawlRecordJson;
import dev.crawlcase.crawler.output.CrawlStats;
import dev.crawlcase.crawler.state.StateStore;
import io.vertx.core.json.JsonObject;

import java.util.function.BooleanSupplier;

/**
 * A resume's restore: the state's earlier records back into the summary counts, its URLs back into the frontier
 * (those with their record as done, the others queued at their depth), then the frontier told that it resumes now
 * (politeness counts from this moment). A stop ends it between two entries: hundreds of thousands of them take
 * seconds, and a stop must not wait for them. Blocking (it reads the state's file): a worker thread only.
 */
final class StateRestore {
    private final StateStore state;
    private final BooleanSupplier stopRequested;

    StateRestore(StateStore state, BooleanSupplier stopRequested) {
        this.state = state;
        this.stopRequested = stopRequested;
    }

    /** Whether {@code failure} is a restore ended by a stop (nothing fetched, nothing written). */
    static boolean stopped(Throwable failure) {
        return failure instanceof Stopped;
    }

    void into(Frontier frontier, CrawlStats stats) {
        state.forEachRecord(0, line -> {
            unlessStopped();
            stats.accept(CrawlRecordJson.fromJson(new JsonObject(line)));
        });
        state.forEachUrl((url, leased) -> {
            unlessStopped();
            frontier.restoreDone(url, leased);
        }, (url, depth) -> {
            unlessStopped();
            frontier.restoreFound(url, depth);
        });
        unlessStopped();
        frontier.resumedNow();
    }

    private void unlessStopped() {
        if (stopRequested.getAsBoolean()) {
            throw new Stopped();
        }
    }

    /**
     * Thrown out of the restore when a stop comes. Nothing was written yet (restored URLs are not logged again), so
     * the state and the records file stay as they were for the next resume.
     */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped while the crawl state was restored", null, false, false);
        }
    }
}
