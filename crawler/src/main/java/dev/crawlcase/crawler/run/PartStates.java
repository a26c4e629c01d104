package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.state.JournalMark;
import dev.crawlcase.crawler.state.RecordsFileRepair;
import dev.crawlcase.crawler.state.StateBatch;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens the durable state of a part of a sharded crawl on this node, in the part's folder under the node's
 * {@code --state} folder, and on a cluster keeps it in step with the part's journal copy in the cluster's memory
 * ({@link PartJournal}), so that no folder needs to be shared:
 * <ul>
 *   <li>A part with no copy in the cluster yet (a new crawl, or a resume after every node stopped) opens its
 *   folder's state (resumed, or new), ships the whole of it as a new copy, and only then names that copy the
 *   part's: a copy cut short by a death is never used.</li>
 *   <li>A part that has a copy (its node died, left, or handed it over) is taken over from it: the folder's state if
 *   it is in step with that copy (a shared folder, or this node ran the part before), else a new state; the copy is
 *   fenced (the node that held the part cannot ship anything more), and the batches the state lacks are replayed
 *   into it. Its records file is then made whole against the state.</li>
 * </ul>
 * Either way every later batch is shipped to the copy before the state commits it ({@link StateStore#copiedTo}).
 */
final class PartStates {
    /** Entries per batch of a whole state shipped as a new copy. */
    private static final int SNAPSHOT_SIZE = 2_000;
    /** Batches of a copy read at once while a part is taken over. */
    private static final int READ_WINDOW = 32;

    private final Vertx vertx;
    private final CrawlAddresses crawl;
    private final Path stateDir;
    private final boolean copied;
    private final LongAdder operations = new LongAdder();
    private final Consumer<String> say;
    private volatile BooleanSupplier whole = () -> true;

    /**
     * @param copied whether the parts' journals are copied into the cluster (a clustered Vert.x)
     * @param say    where a line for the user goes (a part brought up to date from its copy)
     */
    PartStates(Vertx vertx, CrawlAddresses crawl, Path stateDir, boolean copied, Consumer<String> say) {
        this.vertx = vertx;
        this.crawl = crawl;
        this.stateDir = stateDir;
        this.copied = copied;
        this.say = say;
    }

    /** Part {@code part}'s state, ready to run (see the class comment), and its records file made whole. */
    Future<StateStore> open(int part, Path records) {
        if (!copied) {
            return vertx.executeBlocking(() -> openFolder(part, records));
        }
        PartJournal journal = new PartJournal(vertx, crawl, part, operations);
        return journal.head().compose(id -> id == null ? startCopy(part, records, journal)
                : takeFromCopy(part, records, journal, id));
    }

    /** Takes no part over from a copy once {@code whole} says no (some of the copies' entries are lost). */
    void checkedBy(BooleanSupplier whole) {
        this.whole = whole;
    }

    /** Drops every part's copy from the cluster once the crawl is merged (nothing is taken over after that). */
    Future<Void> forget() {
        return copied ? new PartJournal(vertx, crawl, 0, operations).clearAll() : Future.succeededFuture();
    }

    /** Operations on the map of the copies from this node so far. */
    long operations() {
        return operations.sum();
    }

    private Future<StateStore> startCopy(int part, Path records, PartJournal journal) {
        String id = UUID.randomUUID().toString();
        return vertx.executeBlocking(() -> openFolder(part, records)).compose(store -> closedOnFailure(store, () ->
                vertx.executeBlocking(() -> {
                    List<StateBatch> whole = new ArrayList<>();
                    store.snapshot(SNAPSHOT_SIZE, whole::add);
                    return whole;
                }).compose(whole -> shipAll(journal, id, whole, 0).map(v -> (long) whole.size()))
                        .compose(last -> vertx.executeBlocking(() -> {
                            // marked before the copy is named the part's: a death in between leaves a copy no one
                            // uses, and a state that starts a new one
                            store.mark(new JournalMark(id, last));
                            store.copiedTo(journal.writer(id, last + 1));
                            return store;
                        }))
                        .compose(opened -> journal.promote(id).map(opened))));
    }

    /** The whole state's batches into slots {@code from + 1}.. of the new copy {@code id}. */
    private Future<Void> shipAll(PartJournal journal, String id, List<StateBatch> whole, int from) {
        if (from == whole.size()) {
            return Future.succeededFuture();
        }
        return journal.put(id, from + 1, whole.get(from)).compose(free -> free
                ? shipAll(journal, id, whole, from + 1)
                : Future.failedFuture(new IllegalStateException("slot " + (from + 1) + " of a new copy was taken")));
    }

    private Future<StateStore> takeFromCopy(int part, Path records, PartJournal journal, String id) {
        return vertx.executeBlocking(() -> openInStep(part, records, id)).compose(store -> closedOnFailure(store, () -> {
            JournalMark mark = store.journalMark();
            long known = mark == null ? 0 : mark.batch();
            if (!whole.getAsBoolean()) {
                return Future.failedFuture(new PartCopyLost(crawl, part));
            }
            return journal.fence(id, known)
                    .compose(fence -> replay(journal, store, id, known + 1, fence)
                            .compose(v -> whole.getAsBoolean() ? Future.<Void>succeededFuture()
                                    : Future.failedFuture(new PartCopyLost(crawl, part)))
                            .compose(v -> vertx.executeBlocking(() -> {
                                store.mark(new JournalMark(id, fence));
                                RecordsFileRepair.repair(records, store);
                                say.accept("part " + part + " of crawl '" + crawl.crawlId() + "': its state here was"
                                        + (known == 0 ? " rebuilt from" : " brought up to date from") + " the"
                                        + " cluster's copy of its journal (" + (fence - 1 - known) + " of "
                                        + (fence - 1) + " slots replayed)");
                                store.copiedTo(journal.writer(id, fence + 1));
                                return store;
                            })));
        }));
    }

    /** What {@code next} gives; when it fails, {@code store} is closed first (off the event loop). */
    private Future<StateStore> closedOnFailure(StateStore store, Supplier<Future<StateStore>> next) {
        return next.get().recover(failure -> vertx.executeBlocking(() -> {
            store.close();
            return null;
        }).transform(ar -> Future.failedFuture(failure)));
    }

    /** Replays slots {@code from} up to (not including) {@code end} into {@code store}, a window at a time. */
    private Future<Void> replay(PartJournal journal, StateStore store, String id, long from, long end) {
        if (from >= end) {
            return Future.succeededFuture();
        }
        long to = Math.min(end, from + READ_WINDOW);
        List<Future<StateBatch>> reads = new ArrayList<>();
        for (long n = from; n < to; n++) {
            reads.add(journal.read(id, n));
        }
        return Future.all(reads).compose(all -> vertx.<Void>executeBlocking(() -> {
            for (int i = 0; i < reads.size(); i++) {
                store.replay(reads.get(i).result(), new JournalMark(id, from + i));
            }
            return null;
        })).compose(v -> replay(journal, store, id, to, end));
    }

    /** The store of a part taken over: the folder's when it is in step with copy {@code id}, else a new one. */
    private StateStore openInStep(int part, Path records, String id) throws IOException {
        Path dir = PartFiles.state(stateDir, part);
        if (Files.exists(dir.resolve(StateStore.FILE))) {
            StateStore store = StateStore.open(dir, true);
            JournalMark mark = store.journalMark();
            if (mark != null && mark.id().equals(id)) {
                return store;
            }
            store.close();
            // another copy's state (an earlier run of this part here): kept aside, never mixed with this one
            Files.move(dir, dir.resolveSibling(dir.getFileName() + ".replaced-" + System.currentTimeMillis()));
        }
        Files.deleteIfExists(records);
        return StateStore.open(dir, false);
    }

    /**
     * The part's folder's state: resumed when it holds one (its records file first made whole against it), else a
     * new one (and a records file left by an earlier crawl without a state is started afresh).
     */
    private StateStore openFolder(int part, Path records) throws Exception {
        Path dir = PartFiles.state(stateDir, part);
        boolean resume = Files.exists(dir.resolve(StateStore.FILE));
        StateStore store = StateStore.open(dir, resume);
        try {
            if (resume) {
                RecordsFileRepair.repair(records, store);
            } else {
                Files.deleteIfExists(records);
            }
            return store;
        } catch (Exception | Error e) {
            store.close();
            throw e;
        }
    }
}
