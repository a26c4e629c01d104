package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.FetchPhases;
import dev.crawlcase.crawler.task.FetchResult;

import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When each task of a crawl was being worked on, and in which of the fetch verticle's slots (a worker thread, a
 * virtual-thread worker, or one of the C places an event loop keeps for requests in flight): what the report's
 * timeline draws, so that sequential's waits lie end to end and the other modes' overlap. A span runs from the
 * moment the task was handed to its fetch until its outcome was ready (fetch and parse; the parse of a page takes
 * well under a millisecond next to the wait), split into connect, wait for the first byte and body where the mode's
 * client can tell ({@link FetchPhases}). Thread-safe. {@link #OFF} records nothing and is what every crawl
 * gets unless a comparison asks for a timeline.
 */
public final class FetchTimeline implements SlotWatch {
    /**
     * One task: its slot, start and end in milliseconds since the timeline began, whether it failed, and the phases
     * its client saw, measured from its attempt's start (which follows the hand-over within a thread switch).
     */
    public record Span(int slot, double startMs, double endMs, boolean failed, FetchPhases phases) {
        public double millis() {
            return endMs - startMs;
        }
    }

    public static final FetchTimeline OFF = new FetchTimeline(false);

    private final boolean recording;
    private final long originNanos = System.nanoTime();
    private final Queue<Span> spans = new ConcurrentLinkedQueue<>();

    private FetchTimeline(boolean recording) {
        this.recording = recording;
    }

    /** A timeline that starts now. */
    public static FetchTimeline recording() {
        return new FetchTimeline(true);
    }

    @Override
    public void started(int slot, dev.crawlcase.crawler.task.FetchTask task, long nanos) {
        // a span is whole only at its end
    }

    @Override
    public void ended(int slot, long startNanos, long endNanos, FetchResult result) {
        if (recording) {
            spans.add(new Span(slot, (startNanos - originNanos) / 1e6, (endNanos - originNanos) / 1e6,
                    result.error() != null, result.phases()));
        }
    }

    /** Every span so far, by start time. */
    public List<Span> spans() {
        return spans.stream().sorted(Comparator.comparingDouble(Span::startMs)).toList();
    }
}
