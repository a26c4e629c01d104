package dev.crawlcase.crawler.output;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;

import java.nio.file.Path;

/**
 * Appends records as JSON lines through a Vert.x {@link AsyncFile}: called on the frontier's event loop, it only
 * encodes and buffers; the file system work happens off the loop. Lines are batched and written when the batch
 * is large or on a short periodic flush (a timer thread, hence the locks); {@link #close()} writes the rest.
 */
public final class JsonlRecordWriter implements RecordSink {
    private static final int BATCH_BYTES = 64 * 1024;
    private static final long FLUSH_MS = 200;

    private final Vertx vertx;
    private final AsyncFile file;
    private final long flushTimer;
    private Buffer batch = Buffer.buffer();
    private Future<Void> lastWrite = Future.succeededFuture();

    private JsonlRecordWriter(Vertx vertx, AsyncFile file) {
        this.vertx = vertx;
        this.file = file;
        this.flushTimer = vertx.setPeriodic(FLUSH_MS, id -> flush());
    }

    public static Future<JsonlRecordWriter> open(Vertx vertx, Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return vertx.fileSystem().mkdirs(parent.toString())
                .compose(v -> vertx.fileSystem().open(path.toString(),
                        new OpenOptions().setCreate(true).setTruncateExisting(true).setWrite(true)))
                .map(file -> new JsonlRecordWriter(vertx, file));
    }

    @Override
    public synchronized void accept(CrawlRecord record) {
        batch.appendString(CrawlRecordJson.toJson(record).encode()).appendByte((byte) '\n');
        if (batch.length() >= BATCH_BYTES) {
            flush();
        }
    }

    private synchronized void flush() {
        if (batch.length() > 0) {
            Buffer chunk = batch;
            batch = Buffer.buffer();
            lastWrite = file.write(chunk);
        }
    }

    /** Writes what is buffered, waits for every write, and closes the file. */
    public synchronized Future<Void> close() {
        vertx.cancelTimer(flushTimer);
        flush();
        return lastWrite.eventually(file::flush).eventually(file::close);
    }
}
