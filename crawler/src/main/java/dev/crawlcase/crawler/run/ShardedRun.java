package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.bus.PartLink;
import dev.crawlcase.crawler.dashboard.CrawlNow;
import dev.crawlcase.crawler.dashboard.PartsNow;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * Runs parts of a sharded crawl on one node (one Vert.x instance): each part a {@link CrawlRunner} of the hosts of
 * its shard ({@link PartRole}) with its own records file, summary and, with a state folder, its own durable state
 * ({@link PartFiles}). When every part has sealed its file, the node holding part 0 merges them into the crawl's one
 * records file and summary ({@link RecordsMerge}); every node serves its sealed parts' files until then.
 *
 * <p>A node whose parts' lock is released (it left, or the cluster declared it dead) has lost them. With a state
 * folder (each node's own, or one they share), another node takes such a part over: it claims the part's lock and
 * resumes the part's state, whose records, URLs and accepted hand-offs were committed before anyone was told of
 * them, and on a cluster also shipped to the cluster's copy of the part's journal ({@link PartStates}), from which
 * a taker without the dead node's folder rebuilds it. The copy's numbered slots fence a node that only seemed dead
 * (paused, cut off), and on a shared folder so does the state file's own lock. Without a state a lost part cannot be
 * rebuilt, and the crawl fails with one line saying so.
 */
public final class ShardedRun {
    private static final long SAMPLE_MS = 50;
    /** How often a node looks for lost parts and for the end of the merge. */
    private static final long WATCH_MS = 500;
    /** How long a node told its parts waits for each one's lock. */
    private static final long CLAIM_MS = 10_000;

    private final Vertx vertx;
    private final CrawlConfig config;
    private final IntSupplier foreignThreads;
    private final CrawlAddresses crawl;
    private final ShardMap map;
    private final int parts;
    private final Path stateDir;
    private final String node;
    private final PartBook book;
    private final PartStates states;
    private final Promise<CrawlReport> result = Promise.promise();
    private final Map<Integer, CrawlRunner> runners = new HashMap<>();
    private final Map<Integer, Future<Void>> ended = new HashMap<>();
    /** The locks of the parts this node runs: held until the run ends. */
    private final Map<Integer, Lock> takenLocks = new HashMap<>();
    private final List<MessageConsumer<Long>> servers = new ArrayList<>();
    private final PartHandOver handOver;
    private CrawlNodes nodes;
    private PartBalance balance;
    private Consumer<String> say = line -> { };
    private IntConsumer partStarted = part -> { };
    private ResourceSampler sampler;
    private Instant started;
    private long watchTimer = -1;
    private PartWatch watch;
    private boolean looking;
    private boolean merging;
    private CrawlReport merged;
    private volatile boolean stopRequested;
    /** Hosts of each kind the local frontiers' progress shows (and fetchers publish slots); 0: no one watches. */
    private int hostsShown;
    /** Whether this node may still act on its parts (see {@link PauseFence}); always, unless {@link #fenced}. */
    private BooleanSupplier acting = () -> true;
    private boolean resumed;
    /**
     * @param map      the crawl's parts and which one each host belongs to (its definition's: the same on every node)
     * @param stateDir this node's folder of the parts' states (its own, or shared with the other nodes), or
     *                 null for a crawl that keeps none
     * @param node     this node's name in the summary's part sections
     */
    public ShardedRun(Vertx vertx, CrawlConfig config, IntSupplier foreignThreads, CrawlAddresses crawl, ShardMap map,
                      Path stateDir, String node) {
        this.vertx = vertx;
        this.config = config;
        this.foreignThreads = foreignThreads;
        this.crawl = crawl;
        this.map = map;
        this.parts = map.shards();
        this.stateDir = stateDir;
        this.node = node;
        this.book = new PartBook(vertx, crawl);
        this.handOver = new PartHandOver(this, runners, ended, takenLocks, book);
        this.states = new PartStates(vertx, crawl, stateDir, vertx.isClustered(), line -> say.accept(line));
    }

    /**
     * A live page on this node watches its parts: their frontiers' progress carries a bounded host view and their
     * fetchers publish their slots. Call before {@link #run}.
     */
    public ShardedRun watched(int hostsShown) {
        if (hostsShown < 1) {
            throw new IllegalArgumentException("hostsShown must be >= 1, got " + hostsShown);
        }
        this.hostsShown = hostsShown;
        return this;
    }

    /**
     * This node's figures now: the sum over every part it runs (its own, and any it took over; not the whole
     * crawl's), as {@link PartsNow} adds them: what a {@code dashboard.CrawlFeed} gives; empty unless
     * {@link #watched} and running. Safe from any thread.
     *
     * @param peakInFlight the most fetches in flight at once on this node so far, from its parts' progress
     */
    public synchronized Optional<CrawlNow> now(long peakInFlight) {
        if (hostsShown == 0) {
            return Optional.empty();
        }
        return PartsNow.sum(new TreeMap<>(runners).values().stream().flatMap(r -> r.now(peakInFlight).stream())
                .toList());
    }

    /**
     * Tells {@code started} of each part this node starts running: its own, and any it takes over (a dashboard
     * follows each one's progress). Called on the thread that starts the part; call before {@link #run}.
     */
    public ShardedRun onPart(IntConsumer started) {
        this.partStarted = started;
        return this;
    }

    /**
     * Lets this node act on its parts only while {@code acting} holds (its {@link PauseFence}, its quorum): no lease,
     * no hand-off, no commit and no part taken over once it says no, which it says for good: the node's parts may
     * run elsewhere now. The run then fails with {@link NodeStoppedActing}, unless the crawl is merged. Call before
     * {@link #run}.
     */
    public ShardedRun fenced(BooleanSupplier acting) {
        this.acting = acting;
        return this;
    }

    /**
     * Rebuilds no part from the cluster's copies of the journals once {@code whole} says no (a member loss took every
     * copy of some of their entries): a taker then fails in one line. Call before {@link #run}.
     */
    public ShardedRun copiesChecked(BooleanSupplier whole) {
        states.checkedBy(whole);
        return this;
    }

    /**
     * Keeps this node at its fair share of the parts as nodes of the crawl ({@code nodes}) join and leave: it takes
     * a free part only under its share, and with a state hands a part over to a node that holds too few
     * ({@link PartBalance}). Call before {@link #run}.
     */
    public ShardedRun balanced(CrawlNodes nodes) {
        this.nodes = nodes;
        return this;
    }

    /** The crawl goes on from its state folder: a part no node claims for a while is taken, state or not. */
    public ShardedRun resumed() {
        this.resumed = true;
        return this;
    }

    /** Where lines for the user go (a part taken over). Call before {@link #run}. */
    public ShardedRun onSay(Consumer<String> lines) {
        this.say = lines;
        return this;
    }

    /**
     * Claims the locks of {@code localParts} (waiting for each as long as a lock is worth waiting for), then runs
     * them as {@link #run(Map)} does: for a node that was told which parts are its own.
     */
    public Future<CrawlReport> run(List<Integer> localParts) {
        if (localParts.stream().anyMatch(p -> p < 0 || p >= parts)) {
            throw new IllegalArgumentException("local parts " + localParts + " not within 0.." + (parts - 1));
        }
        Map<Integer, Lock> held = new HashMap<>();
        Future<Void> claimed = Future.succeededFuture();
        for (int p : localParts) {
            claimed = claimed.compose(v -> PartLocks.take(vertx, crawl, p, CLAIM_MS)
                    .map(lock -> {
                        held.put(p, lock);
                        return null;
                    }));
        }
        return claimed.compose(v -> run(held));
    }

    /**
     * Runs the parts whose locks the caller holds (given here, released when the run ends) and any part this node
     * takes over, until the crawl's records file is merged; completes with the crawl's report on the node that
     * merged it, with null elsewhere.
     */
    public Future<CrawlReport> run(Map<Integer, Lock> held) {
        if (held.keySet().stream().anyMatch(p -> p < 0 || p >= parts)) {
            throw new IllegalArgumentException("local parts " + held.keySet() + " not within 0.." + (parts - 1));
        }
        sampler = WorkerCosts.counted(new ResourceSampler(vertx, SAMPLE_MS, foreignThreads), config.mode());
        sampler.start();
        started = Instant.now();
        synchronized (this) {
            takenLocks.putAll(held);
            held.keySet().forEach(part -> startPart(part, open(part)));
        }
        PartWatch watch = new PartWatch(vertx, crawl, parts, stateDir, resumed, book, new PartWatch.Parts() {
            @Override
            public boolean runsHere(int part) {
                synchronized (ShardedRun.this) {
                    return ended.containsKey(part) && !handOver.handed(part);
                }
            }

            @Override
            public boolean mayTake() {
                return balance == null || balance.mayTake();
            }

            @Override
            public Future<StateStore> open(int part) {
                return ShardedRun.this.open(part);
            }

            @Override
            public void take(int part, Lock lock, StateStore state) {
                synchronized (ShardedRun.this) {
                    handOver.taken(part);
                    takenLocks.put(part, lock);
                    startPart(part, Future.succeededFuture(state));
                }
            }
        }, line -> say.accept(line));
        this.watch = watch;
        balance = nodes == null ? null : new PartBalance(nodes, crawl, parts, stateDir != null, handOver,
                line -> say.accept(line));
        watchTimer = vertx.setPeriodic(WATCH_MS, id -> look());
        return result.future().onComplete(ar -> {
            vertx.cancelTimer(watchTimer);
            sampler.stop();
            synchronized (this) {
                servers.forEach(MessageConsumer::unregister);
                takenLocks.values().forEach(Lock::release);
            }
            if (balance != null) {
                balance.leave();
            }
        });
    }

    /** Asks every local part to stop leasing and finish after {@code graceMs}; the run then ends unmerged. */
    public synchronized Future<Void> stop(long graceMs) {
        stopRequested = true;
        List<Future<?>> stops = new ArrayList<>();
        runners.values().forEach(r -> stops.add(r.stop(graceMs)));
        return Future.join(stops).mapEmpty();
    }

    /** Hand-off batches sent by the local parts: the cross-part messages of the crawl's links. */
    public synchronized long batchesSent() {
        return runners.values().stream().flatMap(r -> r.partLink().stream()).mapToLong(PartLink::batchesSent).sum();
    }

    /**
     * Operations on the shared map of the parts' journal copies from this node: one per batch shipped, more to
     * start a copy or take a part over from one.
     */
    public long journalOperations() {
        return states.operations();
    }

    /** Operations on the board's shared map by the local parts. */
    public synchronized long boardOperations() {
        return runners.values().stream().flatMap(r -> r.partLink().stream()).mapToLong(PartLink::boardOperations)
                .sum();
    }

    /** Part {@code part}'s state ({@link PartStates}); none without a state folder. */
    private Future<StateStore> open(int part) {
        return stateDir == null ? Future.succeededFuture() : states.open(part,
                PartFiles.config(config, part).output().records());
    }

    private synchronized void startPart(int part, Future<StateStore> state) {
        CrawlConfig partConfig = PartFiles.config(config, part);
        Future<Void> done = state.compose(store -> {
            CrawlRunner runner = new CrawlRunner(vertx, partConfig, foreignThreads, crawl.part(part), true)
                    .withPart(new PartRole(part, map, crawl, acting));
            if (store != null) {
                runner.withState(store);
            }
            if (hostsShown > 0) {
                runner.watched(hostsShown);
            }
            synchronized (this) {
                runners.put(part, runner);
            }
            partStarted.accept(part);
            Future<Void> sealed = book.started(part).compose(v -> runner.run())
                    .compose(report -> seal(part, partConfig, report));
            return store == null ? sealed : Closing.after(sealed, () -> vertx.executeBlocking(() -> {
                store.close();
                return null;
            }));
        });
        ended.put(part, done);
        done.onComplete(ar -> partEnded(part, ar.cause()));
    }

    /** A part ran to its end here: its file is whole; serve it and say so. A stopped part is not sealed. */
    private Future<Void> seal(int part, CrawlConfig partConfig, CrawlReport report) {
        if (report.stopped() || report.summary() == null) {
            return Future.succeededFuture();
        }
        JsonObject about = PartsMerge.section(part, node, report.summary());
        return PartFileServer.serve(vertx, crawl, part, partConfig.output().records())
                .compose(server -> {
                    synchronized (this) {
                        servers.add(server);
                    }
                    return book.sealed(part, about);
                });
    }

    private synchronized void partEnded(int part, Throwable failure) {
        if (failure != null) {
            result.tryFail(failure);
        } else if (part == 0 && !stopRequested && !handOver.handing(part)) {
            merge();
        }
    }

    /** Once every part has sealed: writes the crawl's records file and summary, then tells every node. */
    private void merge() {
        merging = true;
        new PartsMerge(vertx, config, crawl, book, parts).merge(sampler, started)
                .compose(report -> states.forget().map(report)).onComplete(ar -> {
            synchronized (this) {
                if (ar.failed()) {
                    result.tryFail(ar.cause());
                } else {
                    merged = ar.result();
                }
            }
        });
    }

    /**
     * One look around: the end (the crawl merged and every local part ended: the run completes), or parts whose
     * node is gone (taken over with a state, the crawl failed without).
     */
    private synchronized void look() {
        if (result.future().isComplete() || looking) {
            return;
        }
        if (stopRequested && ended.values().stream().allMatch(Future::isComplete)) {
            result.tryComplete(null);
            return;
        }
        looking = true;
        book.isMerged().compose(isMerged -> {
            synchronized (this) {
                if (isMerged && ended.values().stream().allMatch(Future::isComplete) && (!merging || merged != null)) {
                    result.tryComplete(merged);
                    return Future.succeededFuture();
                }
                if (isMerged) {
                    return Future.succeededFuture();
                }
                return acting.getAsBoolean() ? balanced().compose(v -> watch.look())
                        : Future.failedFuture(new NodeStoppedActing(crawl));
            }
        }).onComplete(ar -> {
            synchronized (this) {
                looking = false;
                if (ar.failed()) {
                    result.tryFail(ar.cause());
                }
            }
        });
    }

    /** One look of the balance; a look that fails (the shared map did not answer) is tried again at the next. */
    private Future<Void> balanced() {
        return balance == null ? Future.succeededFuture() : balance.look(stopRequested || merging).otherwiseEmpty();
    }
}
