package dev.crawlcase.crawler.fetch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Where a process pool may leave its idle workers at its end, for the next pool in this JVM with the very same
 * limits line (timeouts, trust, version, request controls) to take instead of starting JVMs of its own. Off
 * ({@link #NONE}) for every crawl: a crawl's figures must carry its workers' starts, which are the rung's cost. A
 * test JVM runs hundreds of short crawls in processes mode; with {@value #PROPERTY}{@code =true} (set by the
 * crawler's test configuration) they share warm workers, and the contract suites stay as quick as the other
 * modes'. A worker on the shelf has no task and keeps nothing of the crawl it served but its warm client (the
 * cookie jar is the parent's): it ends, as any worker does, when this JVM does.
 */
final class WorkerShelf {
    /** The system property that turns the shelf on in this JVM. */
    static final String PROPERTY = "crawlcase.processes.keepWorkers";
    /** Beyond this many idle workers in all, a worker put back is ended. */
    private static final int MAX_KEPT = 6;

    static final WorkerShelf NONE = new WorkerShelf(0);
    private static final WorkerShelf SHARED = new WorkerShelf(MAX_KEPT);

    private final int capacity;
    /** Oldest first: a full shelf ends its oldest worker, whose limits are the least likely to come again. */
    private final Deque<Kept> idle = new ArrayDeque<>();

    private record Kept(String limitsLine, WorkerProcess worker) {
    }

    private WorkerShelf(int capacity) {
        this.capacity = capacity;
    }

    /** A shelf of its own that keeps at most {@code capacity} workers (for a test). */
    static WorkerShelf keeping(int capacity) {
        return new WorkerShelf(capacity);
    }

    /** The JVM-wide shelf when {@value #PROPERTY} is true, else {@link #NONE}. */
    static WorkerShelf configured() {
        return Boolean.getBoolean(PROPERTY) ? SHARED : NONE;
    }

    /** An idle, live worker started with {@code limitsLine}, or null. */
    synchronized WorkerProcess take(String limitsLine) {
        Iterator<Kept> it = idle.iterator();
        while (it.hasNext()) {
            Kept k = it.next();
            if (!k.worker().alive()) {
                it.remove();
            } else if (k.limitsLine().equals(limitsLine)) {
                it.remove();
                return k.worker();
            }
        }
        return null;
    }

    /**
     * Keeps {@code worker} for a later pool with the same limits. Returns the worker the caller must end: this one
     * when the shelf keeps none, the oldest one when it is full, else null.
     */
    synchronized WorkerProcess put(String limitsLine, WorkerProcess worker) {
        if (capacity == 0 || !worker.alive()) {
            return worker;
        }
        idle.add(new Kept(limitsLine, worker));
        return idle.size() > capacity ? idle.poll().worker() : null;
    }
}
