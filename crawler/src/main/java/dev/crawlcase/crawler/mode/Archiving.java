package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.FetchArchive;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Hands each fetch result to the crawl's archive before it is parsed and reported, so a record the frontier has is
 * always in the archive already. Writing is blocking disk I/O: the blocking modes write on the worker thread that
 * fetched ({@link #now}); the event-loop modes hand the write to one worker thread of its own ({@link #later}), so
 * no event loop ever waits for the disk. A failed write fails the task (the run stops on the archive's failure).
 */
final class Archiving {
    private static final String WRITER = "crawlcase-warc";

    private final FetchArchive archive;
    private final WorkerExecutor writer;

    private Archiving(FetchArchive archive, WorkerExecutor writer) {
        this.archive = archive;
        this.writer = writer;
    }

    static Archiving of(Vertx vertx, FetchArchive archive) {
        return new Archiving(archive, archive.keeps() ? vertx.createSharedWorkerExecutor(WRITER, 1) : null);
    }

    /** Writes on the calling thread, which must be one that may block. */
    FetchResult now(FetchTask task, FetchResult result) {
        archive.write(task, result);
        return result;
    }

    /** Writes on the archive's worker thread; from an event loop or a virtual thread. */
    Future<FetchResult> later(FetchTask task, FetchResult result) {
        if (writer == null) {
            return Future.succeededFuture(result);
        }
        return writer.executeBlocking(() -> now(task, result), false);
    }

    Future<Void> close() {
        return writer == null ? Future.succeededFuture() : writer.close();
    }
}
