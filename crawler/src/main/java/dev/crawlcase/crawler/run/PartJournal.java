package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.state.JournalCopy;
import dev.crawlcase.crawler.state.JournalMark;
import dev.crawlcase.crawler.state.StateBatch;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.util.concurrent.atomic.LongAdder;

/**
 * The copy of one part's journal kept in the cluster's memory, so that a part outlives the disk of the node that
 * ran it: entries of a Vert.x shared-data map, which on a cluster is a Hazelcast IMap whose every entry has a
 * synchronous backup on another member (Hazelcast picks that member, and makes a new backup when one leaves).
 *
 * <p>Per part: a head entry naming the current copy (a new id whenever a copy is started from a whole store), and
 * that copy's batches numbered from 1 without gaps. Only the holder of the part's lock starts a copy or ships to it,
 * one batch at a time. Every slot is taken with put-if-absent, which makes the numbers a fence: a node taking the
 * part over takes the first free slot itself ({@link #fence}), and from then on a ship by the node that held the
 * part before (paused, or cut off) finds its slot taken and fails instead of writing.
 */
final class PartJournal {
    /** The value of a slot taken by a fence rather than a batch. */
    private static final String FENCE = "fence";

    private final Vertx vertx;
    private final CrawlAddresses crawl;
    private final int part;
    private final LongAdder operations;

    /** @param operations counts this copy's map operations (with those of the other parts' copies on this node) */
    PartJournal(Vertx vertx, CrawlAddresses crawl, int part, LongAdder operations) {
        this.vertx = vertx;
        this.crawl = crawl;
        this.part = part;
        this.operations = operations;
    }

    /** The id of the part's current copy, or null when the part has none in this cluster yet. */
    Future<String> head() {
        return map().compose(m -> m.get(part + "/head"));
    }

    /** Makes {@code id} (whose batches are shipped already) the part's current copy. */
    Future<Void> promote(String id) {
        return map().compose(m -> m.put(part + "/head", id));
    }

    /** Takes slot {@code n} of copy {@code id} with {@code batch}; whether it was free. */
    Future<Boolean> put(String id, long n, StateBatch batch) {
        return take(id, n, batch.toJson().encode());
    }

    /**
     * The batch in slot {@code n} of copy {@code id}: an empty one for a fence. Fails when the slot is empty: the
     * copy lost it (more members died at once than it has backups).
     */
    Future<StateBatch> read(String id, long n) {
        return map().compose(m -> m.get(key(id, n))).compose(value -> {
            if (value == null) {
                return Future.failedFuture(new PartCopyLost(crawl, part, n));
            }
            return Future.succeededFuture(FENCE.equals(value) ? StateBatch.empty()
                    : StateBatch.fromJson(new JsonObject(value)));
        });
    }

    /**
     * Fences copy {@code id}: takes its first free slot after {@code known} (a slot known to be taken, 0 for none)
     * with a fence; completes with that slot's number. Every slot before it holds a batch or a fence.
     */
    Future<Long> fence(String id, long known) {
        return last(id, known).compose(last -> take(id, last + 1, FENCE)
                .compose(taken -> taken ? Future.succeededFuture(last + 1) : fence(id, last + 1)));
    }

    /** A writer that ships the next batches of copy {@code id} from slot {@code next} on. */
    JournalCopy writer(String id, long next) {
        return new JournalCopy() {
            private long slot = next;

            @Override
            public Future<JournalMark> ship(StateBatch batch) {
                long n = slot;
                return put(id, n, batch).compose(free -> {
                    if (!free) {
                        return Future.failedFuture(new PartMoved(crawl, part));
                    }
                    slot = n + 1;
                    return Future.succeededFuture(new JournalMark(id, n));
                });
            }
        };
    }

    /** Removes every part's copy: the crawl is merged, nothing will be taken over again. */
    Future<Void> clearAll() {
        return map().compose(AsyncMap::clear);
    }

    /** The last taken slot of copy {@code id}, knowing slot {@code known} is taken: doubling, then halving. */
    private Future<Long> last(String id, long known) {
        return firstFreeFrom(id, known, 1);
    }

    private Future<Long> firstFreeFrom(String id, long known, long step) {
        return taken(id, known + step).compose(isTaken -> isTaken ? firstFreeFrom(id, known + step, step * 2)
                : lastBetween(id, known, known + step));
    }

    /** The last taken slot in [taken, free), given {@code taken} is taken (or 0) and {@code free} is free. */
    private Future<Long> lastBetween(String id, long taken, long free) {
        if (free - taken <= 1) {
            return Future.succeededFuture(taken);
        }
        long mid = taken + (free - taken) / 2;
        return taken(id, mid).compose(isTaken -> isTaken ? lastBetween(id, mid, free) : lastBetween(id, taken, mid));
    }

    private Future<Boolean> taken(String id, long n) {
        return map().compose(m -> m.get(key(id, n))).map(v -> v != null);
    }

    private Future<Boolean> take(String id, long n, String value) {
        return map().compose(m -> m.putIfAbsent(key(id, n), value)).map(old -> old == null);
    }

    private String key(String id, long n) {
        return part + "/" + id + "/" + n;
    }

    private Future<AsyncMap<String, String>> map() {
        operations.increment();
        return vertx.sharedData().getAsyncMap(crawl.journalMap());
    }
}
