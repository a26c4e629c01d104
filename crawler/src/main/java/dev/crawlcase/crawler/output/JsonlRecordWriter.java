package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.RecordSink;

import dev.crawlcase.crawler.task.CrawlRecord;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes records as JSON lines without blocking the caller (the frontier's event loop): lines collect in a buffer
 * that is handed to an {@link AsyncFile} when it reaches {@value #BATCH_BYTES} bytes or every {@value #FLUSH_MS} ms.
 * Batches are written one after another, so at most one write is in flight and memory holds only what the disk
 * has not yet taken. {@link #close()} writes the rest, syncs and closes the file.
 *
 * <p>A failed write (disk full, file gone) is never swallowed: no later batch is written after it (so no line
 * follows a torn one), {@link #failed()} fails at once so the crawl can stop taking new work, and {@link #close()}
 * cuts the file back to its last complete batch and fails with an {@link OutputFailure}.
 */
public final class JsonlRecordWriter implements RecordSink {

    static final int BATCH_BYTES = 64 * 1024;
    static final long FLUSH_MS = 200;

    private final Vertx vertx;
    private final Path path;
    private final AsyncFile file;
    private final Promise<Void> failed = Promise.promise();
    /** Bytes of the file that end with a complete line: what it held at open plus every batch fully written. */
    private long goodBytes;
    private final long timer;
    private Buffer pending = Buffer.buffer(BATCH_BYTES + 1024);
    private Future<Void> lastWrite = Future.succeededFuture();
    private Throwable failure;
    private long records;
    private boolean closed;

    private JsonlRecordWriter(Vertx vertx, Path path, AsyncFile file, long goodBytes) {
        this.vertx = vertx;
        this.path = path;
        this.file = file;
        this.goodBytes = goodBytes;
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
                .compose(f -> (append ? f.size() : Future.succeededFuture(0L)).map(size ->
                        new JsonlRecordWriter(vertx, file, f, size)))
                .recover(e -> Future.failedFuture(new OutputFailure("records file", file, e, null)));
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
            lastWrite = lastWrite.compose(v -> file.write(batch)).onSuccess(v -> wrote(batch.length()))
                    .onFailure(this::remember);
        }
        return lastWrite;
    }

    /**
     * Flushes everything, syncs it to the disk and closes the file; the file is closed whatever failed. Fails with
     * an {@link OutputFailure} if any write, the sync or the close failed, or the file was deleted meanwhile, after
     * cutting the file back to its last complete line.
     */
    public synchronized Future<Void> close() {
        if (closed) {
            return lastWrite;
        }
        closed = true;
        vertx.cancelTimer(timer);
        lastWrite = flush()
                .compose(v -> file.flush())
                .onFailure(this::remember)
                .transform(ar -> file.close())
                .onFailure(this::remember)
                .compose(v -> vertx.fileSystem().exists(path.toString()))
                .onSuccess(exists -> {
                    if (!exists) {
                        // unlinked while open: every write went to a file nobody can read any more
                        remember(new IOException("the file was deleted during the crawl"));
                    }
                })
                .transform(ar -> failure() == null ? Future.<Void>succeededFuture() : cutBackAndFail());
        return lastWrite;
    }

    /** Fails when the first write, sync or close fails: the crawl stops taking new work. */
    public Future<Void> failed() {
        return failed.future();
    }

    /** Cuts a torn last batch off (truncating never needs free space), then fails with the first failure. */
    private Future<Void> cutBackAndFail() {
        long keep = goodBytes();
        OutputFailure failure = new OutputFailure("records file", path, failure(), null);
        return vertx.fileSystem().truncate(path.toString(), keep)
                .transform(ar -> Future.failedFuture(failure));
    }

    private synchronized void wrote(long bytes) {
        goodBytes += bytes;
    }

    private synchronized long goodBytes() {
        return goodBytes;
    }

    private synchronized Throwable failure() {
        return failure;
    }

    public synchronized long records() {
        return records;
    }

    private synchronized void remember(Throwable error) {
        if (failure == null) {
            failure = error;
            failed.tryFail(error);
        }
    }
}
