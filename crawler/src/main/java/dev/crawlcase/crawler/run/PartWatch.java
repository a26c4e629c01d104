package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.state.StateException;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A node's look for lost parts of a sharded crawl: parts whose lock is free although they started in this cluster
 * (their node left or was declared dead), or that have a state from an earlier run no node claimed. With a state
 * folder, the node takes such a part over: it holds the part's lock, then opens the part's state (its own folder's,
 * brought up to date from the cluster's copy of the part's journal, see {@link PartStates}); on a folder the nodes
 * share, the state file's own lock is a fence too, so while a node that only seemed dead (paused) still holds it the
 * part waits, and the taker tries again at its next look. Without a state a lost part cannot be rebuilt, and the
 * look fails with {@link PartLost}.
 */
final class PartWatch {
    /** How long a lock probe waits: free locks are granted at once, held ones are not worth waiting for. */
    private static final long PROBE_MS = 50;
    /**
     * A part with a state but no word in this cluster (a resume after every node stopped) is taken only after it
     * was free this many looks in a row, so that the nodes of a resumed cluster first claim one part each.
     */
    private static final int FREE_LOOKS = 6;

    /** What the node that watches does with the parts it runs and takes. */
    interface Parts {
        /** Whether the part runs (or ran) on this node. */
        boolean runsHere(int part);

        /** Whether this node may take a free part now (it is under its share: {@link FairShare}). */
        default boolean mayTake() {
            return true;
        }

        /** The part's state, opened (resumed, or new when the part had none yet). */
        Future<StateStore> open(int part);

        /** Runs a part taken over, with its lock and its opened state. */
        void take(int part, Lock lock, StateStore state);
    }

    private final Vertx vertx;
    private final CrawlAddresses crawl;
    private final int parts;
    private final Path stateDir;
    private final boolean resumed;
    private final PartBook book;
    private final Parts node;
    private final Consumer<String> say;
    private final Map<Integer, Integer> freeLooks = new HashMap<>();
    /** Parts this node has said it waits for (their state still in use), so it says so once. */
    private final Set<Integer> waitedFor = new HashSet<>();

    /** @param resumed whether the crawl goes on from its state folder (every part is then to be taken, state or not) */
    PartWatch(Vertx vertx, CrawlAddresses crawl, int parts, Path stateDir, boolean resumed, PartBook book, Parts node,
              Consumer<String> say) {
        this.resumed = resumed;
        this.vertx = vertx;
        this.crawl = crawl;
        this.parts = parts;
        this.stateDir = stateDir;
        this.book = book;
        this.node = node;
        this.say = say;
    }

    /** One look at every part this node does not run; takes over the lost ones it can. */
    Future<Void> look() {
        return lookFrom(0);
    }

    private Future<Void> lookFrom(int part) {
        if (part == parts) {
            return Future.succeededFuture();
        }
        if (node.runsHere(part) || !node.mayTake()) {
            return lookFrom(part + 1);
        }
        return PartLocks.take(vertx, crawl, part, PROBE_MS)
                .compose(lock -> lost(part).compose(why -> (why == Why.NOT_LOST ? Future.succeededFuture(true)
                                : book.isMerged()).compose(leaveIt -> {
                            // merged since this look began: the part's node left because the crawl is over
                            if (leaveIt) {
                                lock.release();
                                return Future.<Void>succeededFuture();
                            }
                            return takeOver(part, lock, why);
                        })), held -> {
                    freeLooks.remove(part);
                    return Future.<Void>succeededFuture();
                })
                .compose(v -> lookFrom(part + 1));
    }

    /** Why a free part is to be taken, if it is. */
    private enum Why {
        NOT_LOST,
        /** Its node is gone (left, declared dead), or, resumed, no node claimed it for a while. */
        NODE_LOST,
        /** Its node handed it over in order to a node under its share. */
        HANDED_OVER
    }

    /**
     * Whether a free part was lost: it started in this cluster (its node is gone, or handed it over), or, in a
     * resumed crawl or with a state from an earlier run, no node has claimed it for a while.
     */
    private Future<Why> lost(int part) {
        return book.start(part).map(start -> {
            if (start == PartBook.Start.HANDED_OVER) {
                return Why.HANDED_OVER;
            }
            if (start == PartBook.Start.STARTED) {
                return Why.NODE_LOST;
            }
            // a resumed crawl's part that no node claimed: with a state here, or without one (its node died before
            // it made one, so nothing of it was committed: it starts from its seeds)
            boolean hasState = stateDir != null
                    && Files.exists(PartFiles.state(stateDir, part).resolve(StateStore.FILE));
            if (stateDir == null || !(resumed || hasState)) {
                return Why.NOT_LOST;
            }
            return freeLooks.merge(part, 1, Integer::sum) >= FREE_LOOKS ? Why.NODE_LOST : Why.NOT_LOST;
        });
    }

    private Future<Void> takeOver(int part, Lock lock, Why why) {
        if (stateDir == null) {
            lock.release();
            return Future.failedFuture(new PartLost(crawl, part));
        }
        return node.open(part).transform(opened -> {
            if (opened.succeeded()) {
                waitedFor.remove(part);
                say.accept("part " + part + " of crawl '" + crawl.crawlId() + "' " + (why == Why.HANDED_OVER
                        ? "handed over to this node" : "had lost its node: taken over here") + ", resuming its state");
                node.take(part, lock, opened.result());
                return Future.succeededFuture();
            }
            lock.release();
            if (opened.cause() instanceof StateException e && e.problem() == StateException.Problem.LOCKED) {
                if (waitedFor.add(part)) {
                    say.accept("part " + part + " of crawl '" + crawl.crawlId() + "' lost its node, but its state is"
                            + " still in use (a process that stood still?): waiting for it to let go");
                }
                return Future.succeededFuture();
            }
            return Future.failedFuture(opened.cause());
        });
    }
}
