package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.RecordSink;

import dev.crawlcase.crawler.task.CrawlRecord;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;

import java.nio.file.Path;

/**
 * Writes records as JSON lines without blocking the caller (the frontier's event loop): lines collect in a buffer
 * that is handed to an {@link AsyncFile} when it reaches {@value #BATCH_BYTES} bytes or every {@value #FLUSH_MS} ms.
 * Batches are written one after another, so at most one write is in flight and memory holds only what the disk
 * has not yet taken. {@link #close()} writes the rest and closes the file.
 */
public final class JsonlRecordWriter implements RecordSink {

    static final int BATCH_BYTES = 64 * 1024;
    static final long FLUSH_MS = 200;

    private final Vertx vertx;
    private final AsyncFile file;
    private final long timer;
    private Buffer pending = Buffer.buffer(BATCH_BYTES + 1024);
    private Future<Void> lastWrite = Future.succeededFuture();
    private Throwable failure;
    private long records;
    private boolean closed;

    private JsonlRecordWriter(Vertx vertx, AsyncFile file) {
        this.vertx = vertx;
        this.file = file;
        this.timer = vertx.setPeriodic(FLUSH_MS, id -> flush());
    }

    /** Creates (or truncates) {@code file} and starts the periodic flush. */
    public static Future<JsonlRecordWriter> open(Vertx vertx, Path file) {
        return open(vertx, file, false);
    }

    /** Like {@link #open(Vertx, Path)}; with {@code append} the records go after the file's lines (a resume). */
    public static Future<JsonlRecordWriter> open(Vertx vertx, Path file, boolean append) {
        OpenOptions options = new OpenOptions().setWrite(true).setCreate(true).setTruncateExisting(!append)
                .setAppend(append);
        Path parent = file.toAbsolutePath().getParent();
        return vertx.fileSystem().mkdirs(parent.toString())
                .compose(v -> vertx.fileSystem().open(file.toString(), options))
                .map(f -> new JsonlRecordWriter(vertx, f));
    }

    @Override
    public synchronized void accept(CrawlRecord record) {
        if (closed) {
            throw new IllegalStateException("record written after close: " + record.url());
        }
        pending.appendString(CrawlRecordJson.toLine(record)).appendByte((byte) '\n');
        records++;
        if (pending.length() >= BATCH_BYTES) {
            flush();
        }
    }

    /** Hands what is buffered to the file; the future completes when it (and everything before it) is written. */
    public synchronized Future<Void> flush() {
        if (pending.length() > 0) {
            Buffer batch = pending;
            pending = Buffer.buffer(BATCH_BYTES + 1024);
            lastWrite = lastWrite.transform(ar -> file.write(batch)).onFailure(this::remember);
        }
        return lastWrite;
    }

    /** Flushes everything, closes the file, and fails if any write failed. */
    public synchronized Future<Void> close() {
        if (closed) {
            return lastWrite;
        }
        closed = true;
        vertx.cancelTimer(timer);
        lastWrite = flush()
                .transform(ar -> file.flush())
                .transform(ar -> file.close())
                .compose(v -> failure == null ? Future.succeededFuture() : Future.failedFuture(failure));
        return lastWrite;
    }

    public synchronized long records() {
        return records;
    }

    private synchronized void remember(Throwable error) {
        if (failure == null) {
            failure = error;
        }
    }
}
