package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.HostLoad;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One host's ({@code scheme://host:port}) waiting URLs, FIFO within each depth, plus its retries (by ready time)
 * and its politeness and robots.txt state, each changed only through the methods named for what happened (a
 * request started or ended; a robots.txt fetch was leased, answered, retried or lost).
 *
 * <p>Every change is told to the {@code changes} listener (the {@link HostPicker}, which re-ranks the host lazily
 * instead of scanning every host on each lease).
 *
 * <p>With a {@link QueueSpill}, fresh URLs go to the host's map on disk while the spill is full or that map is not
 * empty; so every entry in memory is older than every entry on disk, and taking the smaller depth (memory first at
 * equal depth) keeps the queue FIFO within each depth.
 */
final class HostQueue {
    final String key;
    /** The host's place in the round-robin order (0 for the first host seen). */
    final int order;
    private final Consumer<HostQueue> changes;
    private int inFlight;
    private long lastStartMs = Long.MIN_VALUE;
    private boolean robotsLeased;
    private long robotsReadyAtMs = Long.MIN_VALUE;
    private long rulesUntilMs = Long.MIN_VALUE;
    private int robotsAttempts;
    private String robotsUrl;
    private int robotsRedirects;
    /** Entries in memory and on disk (stale ones included); retries are counted by their own queue. */
    private long queuedEntries;
    private int lastStatus;
    private ErrorKind lastError;

    private final TreeMap<Integer, ArrayDeque<QueuedUrl>> byDepth = new TreeMap<>();
    private final QueueSpill spill;
    private MVMap<Long, String> disk;
    private long diskSize;
    private QueuedUrl diskHead;
    private long diskHeadKey;
    private final PriorityQueue<QueuedUrl> retries =
            new PriorityQueue<>(Comparator.comparingLong(QueuedUrl::readyAtMs).thenComparingInt(QueuedUrl::depth));

    HostQueue(String key) {
        this(key, null);
    }

    HostQueue(String key, QueueSpill spill) {
        this(key, 0, spill, host -> { });
    }

    HostQueue(String key, int order, QueueSpill spill, Consumer<HostQueue> changes) {
        this.key = key;
        this.order = order;
        this.spill = spill;
        this.changes = changes;
    }

    private void changed() {
        changes.accept(this);
    }

    /** Adds a fresh URL (attempt 1, ready now). */
    void add(QueuedUrl url) {
        changed();
        if (spill != null && (diskSize > 0 || spill.full())) {
            if (disk == null) {
                disk = spill.newQueue();
            }
            disk.put(spill.key(url.depth()), (char) url.redirects() + url.url());
            diskChanged(1);
            return;
        }
        byDepth.computeIfAbsent(url.depth(), d -> new ArrayDeque<>()).add(url);
        memoryChanged(1);
    }

    /** The first entry of the smallest depth (maybe stale), or null. */
    QueuedUrl peek() {
        QueuedUrl memory = memoryHead();
        QueuedUrl onDisk = diskHead();
        return onDisk == null || (memory != null && memory.depth() <= onDisk.depth()) ? memory : onDisk;
    }

    QueuedUrl poll() {
        QueuedUrl head = peek();
        if (head == null) {
            return null;
        }
        changed();
        if (head == diskHead) {
            disk.remove(diskHeadKey);
            diskHead = null;
            diskChanged(-1);
            return head;
        }
        var first = byDepth.firstEntry();
        first.getValue().poll();
        if (first.getValue().isEmpty()) {
            byDepth.remove(first.getKey());
        }
        memoryChanged(-1);
        return head;
    }

    /** Removes and returns the queued entries matching {@code filter}. */
    List<QueuedUrl> removeQueued(Predicate<QueuedUrl> filter) {
        changed();
        List<QueuedUrl> removed = new ArrayList<>();
        for (Iterator<ArrayDeque<QueuedUrl>> it = byDepth.values().iterator(); it.hasNext(); ) {
            ArrayDeque<QueuedUrl> deque = it.next();
            deque.removeIf(q -> filter.test(q) && removed.add(q));
            if (deque.isEmpty()) {
                it.remove();
            }
        }
        memoryChanged(-removed.size());
        if (diskSize > 0) {
            List<Long> keys = new ArrayList<>();
            Cursor<Long, String> c = disk.cursor(null);
            while (c.hasNext()) {
                long k = c.next();
                QueuedUrl q = decode(k, c.getValue());
                if (filter.test(q)) {
                    keys.add(k);
                    removed.add(q);
                }
            }
            keys.forEach(disk::remove);
            diskHead = null;
            diskChanged(-keys.size());
        }
        return removed;
    }

    private QueuedUrl memoryHead() {
        var first = byDepth.firstEntry();
        return first == null ? null : first.getValue().peek();
    }

    private QueuedUrl diskHead() {
        if (diskHead == null && diskSize > 0) {
            diskHeadKey = disk.firstKey();
            diskHead = decode(diskHeadKey, disk.get(diskHeadKey));
        }
        return diskHead;
    }

    private static QueuedUrl decode(long key, String value) {
        return new QueuedUrl(value.substring(1), QueueSpill.depth(key), 1, value.charAt(0), 0);
    }

    private void memoryChanged(int delta) {
        queuedEntries += delta;
        if (spill != null) {
            spill.memoryChanged(delta);
        }
    }

    private void diskChanged(int delta) {
        diskSize += delta;
        queuedEntries += delta;
        spill.spilledChanged(delta);
    }

    void addRetry(QueuedUrl url) {
        changed();
        retries.add(url);
    }

    /** The retry due first (maybe not yet due), or null. */
    QueuedUrl peekRetry() {
        return retries.peek();
    }

    QueuedUrl pollRetry() {
        changed();
        return retries.poll();
    }

    boolean hasRetries() {
        return !retries.isEmpty();
    }

    /** Removes and returns the retries (every retry entry is live). */
    List<QueuedUrl> drainRetries() {
        changed();
        List<QueuedUrl> all = new ArrayList<>(retries);
        retries.clear();
        return all;
    }

    /** A retry entry's URL was found at a smaller depth: the entry stays, but it ranks by the new depth. */
    void retryLowered() {
        changed();
    }

    /** Removes and returns the queued entries, stale ones included. */
    List<QueuedUrl> drainQueued() {
        List<QueuedUrl> all = removeQueued(q -> true);
        byDepth.clear();
        return all;
    }

    // ---- politeness

    /** A request to this host (page or robots.txt) was leased at {@code nowMs}. */
    void started(long nowMs) {
        changed();
        inFlight++;
        lastStartMs = nowMs;
    }

    /** A leased request to this host ended: its result came, or its lease expired. */
    void ended() {
        changed();
        inFlight--;
    }

    /** A request to this host got {@code result} (an HTTP answer, or an error without one). */
    void answered(FetchResult result) {
        lastStatus = result.error() == null ? result.status() : 0;
        lastError = result.error();
    }

    /**
     * This host as a live view shows it at {@code nowMs}; {@code delayMs} is its delay between request starts.
     */
    HostLoad load(long nowMs, long delayMs) {
        long due = retryDueMs();
        long backoff = due == Long.MAX_VALUE ? 0 : Math.max(0, due - nowMs);
        return new HostLoad(key, waiting(), inFlight, delayMs, lastStatus, lastError, backoff);
    }

    /** When its first retry or robots.txt retry is due, Long.MAX_VALUE when none waits. */
    long retryDueMs() {
        long due = retries.isEmpty() ? Long.MAX_VALUE : retries.peek().readyAtMs();
        return !robotsLeased && robotsReadyAtMs != Long.MIN_VALUE ? Math.min(due, robotsReadyAtMs) : due;
    }

    /** URLs waiting here, for a retry or in the queue (stale entries included). */
    long waiting() {
        return queuedEntries + retries.size();
    }

    int inFlight() {
        return inFlight;
    }

    /** Whether a retry or a robots.txt retry waits for a time still to come. */
    boolean backingOff(long nowMs) {
        long due = retryDueMs();
        return due != Long.MAX_VALUE && due > nowMs;
    }

    /** Whether {@code perHostConcurrency} requests to this host are leased already. */
    boolean busy(int perHostConcurrency) {
        return inFlight >= perHostConcurrency;
    }

    /** When the next request to this host may start, given the host's delay. */
    long nextStartMs(long delayMs) {
        return lastStartMs == Long.MIN_VALUE ? Long.MIN_VALUE : lastStartMs + delayMs;
    }

    // ---- robots.txt

    /** A robots.txt fetch was leased; returns its attempt number (a retry or a lost lease counts on). */
    int robotsLeased() {
        changed();
        robotsLeased = true;
        return robotsAttempts + 1;
    }

    boolean robotsInFlight() {
        return robotsLeased;
    }

    /** When a robots.txt fetch may be leased again (after a retry delay); Long.MIN_VALUE for at once. */
    long robotsReadyAtMs() {
        return robotsReadyAtMs;
    }

    /** When the robots.txt rules last answered expire (the cache may forget them sooner); Long.MIN_VALUE if never. */
    long rulesUntilMs() {
        return rulesUntilMs;
    }

    /** robots.txt attempt {@code attempt} failed retryably: the next one may be leased at {@code readyAtMs}. */
    void robotsRetryAt(int attempt, long readyAtMs) {
        changed();
        robotsLeased = false;
        robotsAttempts = attempt;
        robotsReadyAtMs = readyAtMs;
    }

    /**
     * robots.txt was answered for good (rules, or none), and the rules hold until {@code rulesUntilMs}: the next
     * fetch, after that, starts at attempt 1 from the host's own robots.txt.
     */
    void robotsAnswered(long rulesUntilMs) {
        changed();
        this.rulesUntilMs = rulesUntilMs;
        robotsLeased = false;
        robotsAttempts = 0;
        robotsReadyAtMs = Long.MIN_VALUE;
        robotsUrl = null;
        robotsRedirects = 0;
    }

    /** robots.txt redirected to {@code target}: fetch that next, at once, as attempt 1 of one more hop. */
    void robotsRedirected(String target) {
        changed();
        robotsLeased = false;
        robotsAttempts = 0;
        robotsReadyAtMs = Long.MIN_VALUE;
        robotsUrl = target;
        robotsRedirects++;
    }

    /** The robots.txt URL to fetch next: a redirect's target, or null for the host's own. */
    String robotsUrl() {
        return robotsUrl;
    }

    /** Redirects followed so far in the current robots.txt chain. */
    int robotsRedirects() {
        return robotsRedirects;
    }

    /** The robots.txt lease expired: lease it again at once, as the same attempt. */
    void robotsLost() {
        changed();
        robotsLeased = false;
        robotsReadyAtMs = Long.MIN_VALUE;
    }
}
