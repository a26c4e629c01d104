package dev.crawlcase.crawler.state;

import io.vertx.core.Future;

/**
 * Where a durable crawl's batches are also kept, off this machine's disk (another node's memory): each batch is
 * shipped there before the store commits it, so nothing the crawl has told anyone (a record, a hand-off's ack) is
 * only on one machine. Called one batch at a time, in order, from the crawl's own thread.
 */
public interface JournalCopy {
    /** A crawl that keeps no copy: nothing shipped, no mark committed. */
    JournalCopy NONE = batch -> Future.succeededFuture();

    /**
     * Ships the next batch; completes with the mark the store commits together with it (null: none), or fails
     * when the copy has moved on without this node (another node took the part over): then nothing more may be
     * written here.
     */
    Future<JournalMark> ship(StateBatch batch);
}
