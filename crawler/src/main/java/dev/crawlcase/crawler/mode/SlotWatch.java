package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;

/**
 * The one hook every mode's verticle calls as a slot (a worker thread, a virtual-thread worker, or one of the C
 * places an event loop keeps for requests in flight) takes a task and lets it go: the comparison's timeline
 * ({@link FetchTimeline}) and the live strip ({@link LiveSlots}) both hang here, so no mode has code of its own
 * for either. Called on the verticle's own context, one call at a time.
 */
interface SlotWatch {
    /** Watches nothing. */
    SlotWatch OFF = new SlotWatch() {
        @Override
        public void started(int slot, FetchTask task, long nanos) {
        }

        @Override
        public void ended(int slot, long startNanos, long endNanos, FetchResult result) {
        }
    };

    /** {@code slot} was handed {@code task} at {@code nanos} ({@link System#nanoTime()}). */
    void started(int slot, FetchTask task, long nanos);

    /** {@code slot}'s task, started at {@code startNanos}, has its outcome at {@code endNanos}: what it fetched. */
    void ended(int slot, long startNanos, long endNanos, FetchResult result);

    /** Tells both. */
    static SlotWatch both(SlotWatch first, SlotWatch second) {
        if (first == OFF) {
            return second;
        }
        if (second == OFF) {
            return first;
        }
        return new SlotWatch() {
            @Override
            public void started(int slot, FetchTask task, long nanos) {
                first.started(slot, task, nanos);
                second.started(slot, task, nanos);
            }

            @Override
            public void ended(int slot, long startNanos, long endNanos, FetchResult result) {
                first.ended(slot, startNanos, endNanos, result);
                second.ended(slot, startNanos, endNanos, result);
            }
        };
    }
}
