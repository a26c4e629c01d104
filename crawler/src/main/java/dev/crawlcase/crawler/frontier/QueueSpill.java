package dev.crawlcase.crawler.frontier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where host queues overflow to disk, so a crawl with millions of queued URLs keeps a bounded part of them in
 * memory: while more than {@code memoryLimit} queued entries are in memory, new entries go to an H2 MVStore file,
 * one ordered map per host, keyed by depth then arrival, so a map's first key is its host's next URL. The file is
 * scratch (a resumed crawl rebuilds its queues from the crawl state) and is deleted on open and close. MVStore
 * reads pages from disk on a cache miss: a frontier with a spill runs on a worker thread, never an event loop.
 */
public final class QueueSpill implements AutoCloseable {
    public static final long DEFAULT_MEMORY_LIMIT = 100_000;
    private static final int CACHE_MB = 4;
    private static final int DEPTH_SHIFT = 40;

    private final Path file;
    private final MVStore store;
    private final long memoryLimit;
    private long inMemory;
    private long spilled;
    private long seq;
    private int maps;

    private QueueSpill(Path file, MVStore store, long memoryLimit) {
        this.file = file;
        this.store = store;
        this.memoryLimit = memoryLimit;
    }

    /** A fresh spill file at {@code file} (an old one is deleted). Blocking. */
    public static QueueSpill open(Path file, long memoryLimit) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open();
        return new QueueSpill(file, store, memoryLimit);
    }

    MVMap<Long, String> newQueue() {
        return store.openMap("q" + maps++);
    }

    boolean full() {
        return inMemory >= memoryLimit;
    }

    void memoryChanged(int delta) {
        inMemory += delta;
    }

    void spilledChanged(int delta) {
        spilled += delta;
    }

    /** Queued entries on disk now. */
    public long spilled() {
        return spilled;
    }

    long key(int depth) {
        return ((long) depth << DEPTH_SHIFT) | seq++;
    }

    static int depth(long key) {
        return (int) (key >>> DEPTH_SHIFT);
    }

    /** Closes and deletes the file. Blocking. */
    @Override
    public void close() {
        store.closeImmediately();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
