package dev.crawlcase.crawler.state;

import dev.crawlcase.crawler.frontier.UrlLog;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.output.CrawlRecordJson;
import dev.crawlcase.crawler.task.RecordSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sits between the frontier and the records file of a durable crawl: collects the URLs the frontier finds and the
 * records it emits, and on each {@link #checkpoint} commits them to the {@link StateStore} (on a worker thread)
 * before handing the records on to {@code downstream} (the JSONL writer). So the JSONL file only ever holds records
 * the store has, in the store's order, and a record is never durable without the links its page offered: the
 * frontier journals a page's links before the next checkpoint can run, since checkpoints run on its own thread
 * between its calls. A store copied elsewhere ({@link StateStore#copiedTo}) gets each batch shipped there first, so
 * a commit is on two machines before anyone hears of it. Not thread-safe: the frontier's thread calls everything.
 */
public final class StateJournal implements RecordSink, UrlLog {
    private final Vertx vertx;
    private final StateStore store;
    private final RecordSink downstream;
    private Map<String, Integer> found = new HashMap<>();
    private List<CrawlRecord> records = new ArrayList<>();
    private long nextSeq;
    private Future<Void> lastCommit = Future.succeededFuture();

    public StateJournal(Vertx vertx, StateStore store, long nextSeq, RecordSink downstream) {
        this.vertx = vertx;
        this.store = store;
        this.nextSeq = nextSeq;
        this.downstream = downstream;
    }

    @Override
    public void found(String url, int depth) {
        found.merge(url, depth, (old, now) -> StateBatch.kept(old, now));
    }

    @Override
    public void accept(CrawlRecord record) {
        found.put(record.url(), record.attempts() > 0 ? StateStore.DONE_FETCHED : StateStore.DONE_UNFETCHED);
        records.add(record);
    }

    /**
     * Commits what was collected since the last checkpoint, after the commits before it; the records go downstream
     * once committed. The future fails if this or an earlier commit failed (nothing after a failed commit is
     * written, to the store or the file).
     */
    public Future<Void> checkpoint() {
        if (found.isEmpty() && records.isEmpty()) {
            return lastCommit;
        }
        List<CrawlRecord> batchRecords = records;
        StateBatch batch = new StateBatch(found, batchRecords.stream().map(CrawlRecordJson::toLine).toList(), nextSeq);
        nextSeq += batchRecords.size();
        found = new HashMap<>();
        records = new ArrayList<>();
        lastCommit = lastCommit
                .compose(v -> store.copy().ship(batch))
                .compose(mark -> vertx.<Void>executeBlocking(() -> {
                    store.write(batch, mark);
                    return null;
                }))
                .onSuccess(v -> batchRecords.forEach(downstream::accept));
        return lastCommit;
    }
}
