package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.bus.PartLink;
import dev.crawlcase.crawler.dashboard.CrawlNow;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.output.CrawlStats;
import dev.crawlcase.crawler.output.RunInfo;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.output.SummaryWriter;
import dev.crawlcase.crawler.state.RecordsFileRepair;
import dev.crawlcase.crawler.state.StateException;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Runs parts of a sharded crawl on one node (one Vert.x instance): each part a {@link CrawlRunner} of the hosts of
 * its shard ({@link PartRole}) with its own records file, summary and, with a state folder, its own durable state
 * ({@link PartFiles}). When every part has sealed its file, the node holding part 0 merges them into the crawl's one
 * records file and summary ({@link RecordsMerge}); every node serves its sealed parts' files until then.
 *
 * <p>A node whose parts' lock is released (it left, or the cluster declared it dead) has lost them. With a state
 * folder shared by the nodes, another node takes such a part over: it claims the part's lock and resumes the part's
 * state, whose records, URLs and accepted hand-offs were committed before anyone was told of them; the state file's
 * own lock keeps a node that only seemed dead (paused) and the taker from running the same part at once. Without a
 * state a lost part cannot be rebuilt, and the crawl fails with one line saying so.
 */
public final class ShardedRun {
    private static final long SAMPLE_MS = 50;
    /** How often a node looks for lost parts and for the end of the merge. */
    private static final long WATCH_MS = 500;
    /** How long a lock probe waits: free locks are granted at once, held ones are not worth waiting for. */
    private static final long PROBE_MS = 50;
    /**
     * A part with a state but no word in this cluster (a resume after every node stopped) is taken only after it
     * was free this many looks in a row, so that the nodes of a resumed cluster first claim one part each.
     */
    private static final int FREE_LOOKS = 6;
    /** How long a node told its parts waits for each one's lock. */
    private static final long CLAIM_MS = 10_000;

    private final Vertx vertx;
    private final CrawlConfig config;
    private final IntSupplier foreignThreads;
    private final CrawlAddresses crawl;
    private final int parts;
    private final Path stateDir;
    private final String node;
    private final PartBook book;
    private final Promise<CrawlReport> result = Promise.promise();
    private final Map<Integer, CrawlRunner> runners = new HashMap<>();
    private final Map<Integer, Future<Void>> ended = new HashMap<>();
    /** The locks of the parts this node runs: held until the run ends. */
    private final Map<Integer, Lock> takenLocks = new HashMap<>();
    private final Map<Integer, Integer> freeLooks = new HashMap<>();
    private final List<MessageConsumer<Long>> servers = new ArrayList<>();
    private Consumer<String> say = line -> { };
    private ResourceSampler sampler;
    private Instant started;
    private long watchTimer = -1;
    private boolean looking;
    private boolean merging;
    private CrawlReport merged;
    private volatile boolean stopRequested;
    /** Hosts of each kind the local frontiers' progress shows (and fetchers publish slots); 0: no one watches. */
    private int hostsShown;
    /** Hosts of each kind the local frontiers' progress shows (and fetchers publish slots); 0: no one watches. */
    /**
     * @param stateDir the folder of the parts' states (shared by the nodes that may take each other's parts), or
     *                 null for a crawl that keeps none
     * @param node     this node's name in the summary's part sections
     */
    public ShardedRun(Vertx vertx, CrawlConfig config, IntSupplier foreignThreads, CrawlAddresses crawl, int parts,
                      Path stateDir, String node) {
        new PartRole(0, parts, crawl);
        this.vertx = vertx;
        this.config = config;
        this.foreignThreads = foreignThreads;
        this.crawl = crawl;
        this.parts = parts;
        this.stateDir = stateDir;
        this.node = node;
        this.book = new PartBook(vertx, crawl);
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
     * This node's figures now, as the summary of the first part it runs would read (not the whole crawl's): what a
     * {@code dashboard.CrawlFeed} gives; empty unless {@link #watched} and running. Safe from any thread.
     */
    public synchronized Optional<CrawlNow> now(long peakInFlight) {
        if (hostsShown == 0) {
            return Optional.empty();
        }
        return runners.entrySet().stream().min(Map.Entry.comparingByKey())
                .flatMap(first -> first.getValue().now(peakInFlight));
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
            claimed = claimed.compose(v -> vertx.sharedData().getLockWithTimeout(crawl.partLock(p), CLAIM_MS)
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
        sampler = new ResourceSampler(vertx, SAMPLE_MS, foreignThreads);
        sampler.start();
        started = Instant.now();
        synchronized (this) {
            takenLocks.putAll(held);
            held.keySet().forEach(this::startPart);
        }
        watchTimer = vertx.setPeriodic(WATCH_MS, id -> look());
        return result.future().onComplete(ar -> {
            vertx.cancelTimer(watchTimer);
            sampler.stop();
            synchronized (this) {
                servers.forEach(MessageConsumer::unregister);
                takenLocks.values().forEach(Lock::release);
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

    /** Operations on the board's shared map by the local parts. */
    public synchronized long boardOperations() {
        return runners.values().stream().flatMap(r -> r.partLink().stream()).mapToLong(PartLink::boardOperations)
                .sum();
    }

    private synchronized void startPart(int part) {
        CrawlConfig partConfig = PartFiles.config(config, part);
        Future<StateStore> state = stateDir == null ? Future.succeededFuture()
                : vertx.executeBlocking(() -> openState(part, partConfig));
        Future<Void> done = state.compose(store -> {
            CrawlRunner runner = new CrawlRunner(vertx, partConfig, foreignThreads, crawl.part(part), true)
                    .withPart(new PartRole(part, parts, crawl));
            if (store != null) {
                runner.withState(store);
            }
            if (hostsShown > 0) {
                runner.watched(hostsShown);
            }
            synchronized (this) {
                runners.put(part, runner);
            }
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

    /**
     * Part {@code part}'s state: resumed when its folder holds one (its records file first made whole against
     * it), else a new one (and a records file left by an earlier crawl without a state is started afresh).
     */
    private StateStore openState(int part, CrawlConfig partConfig) throws Exception {
        Path dir = PartFiles.state(stateDir, part);
        boolean resume = Files.exists(dir.resolve(StateStore.FILE));
        StateStore store = StateStore.open(dir, resume);
        try {
            if (resume) {
                RecordsFileRepair.repair(partConfig.output().records(), store);
            } else {
                Files.deleteIfExists(partConfig.output().records());
            }
            return store;
        } catch (Exception | Error e) {
            store.close();
            throw e;
        }
    }

    /** A part ran to its end here: its file is whole; serve it and say so. A stopped part is not sealed. */
    private Future<Void> seal(int part, CrawlConfig partConfig, CrawlReport report) {
        if (report.stopped() || report.summary() == null) {
            return Future.succeededFuture();
        }
        RunSummary s = report.summary();
        JsonObject about = new JsonObject().put("part", part).put("node", node).put("mode", s.mode().label())
                .put("concurrency", s.concurrency()).put("pages", s.pages()).put("records", s.records())
                .put("wallSeconds", s.wallSeconds()).put("pagesPerSecond", s.pagesPerSecond())
                .put("cpuSeconds", s.cpuSeconds());
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
        } else if (part == 0 && !stopRequested) {
            merge();
        }
    }

    /** Once every part has sealed: writes the crawl's records file and summary, then tells every node. */
    private void merge() {
        merging = true;
        CrawlStats stats = new CrawlStats();
        sealedSections().compose(sections -> new RecordsMerge(vertx, crawl, stats)
                        .merge(parts, config.output().records())
                        .compose(v -> writeSummary(stats, sections)))
                .compose(report -> book.merged().map(report))
                .onComplete(ar -> {
                    synchronized (this) {
                        if (ar.failed()) {
                            result.tryFail(ar.cause());
                        } else {
                            merged = ar.result();
                        }
                    }
                });
    }

    private Future<List<JsonObject>> sealedSections() {
        return book.allSealed(parts).compose(sections -> {
            if (sections != null) {
                return Future.succeededFuture(sections);
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(WATCH_MS, id -> later.complete());
            return later.future().compose(v -> sealedSections());
        });
    }

    private Future<CrawlReport> writeSummary(CrawlStats stats, List<JsonObject> sections) {
        int concurrency = sections.stream().mapToInt(s -> s.getInteger("concurrency")).sum();
        RunSummary summary = stats.summary(new RunInfo(config.mode(), concurrency, config.seeds(), started,
                Instant.now(), 0), sampler.snapshot());
        JsonObject json = summary.toJson().put("parts", new JsonArray(new ArrayList<>(sections)));
        Path file = config.output().summary();
        return SummaryWriter.write(vertx, file, json)
                .map(v -> new CrawlReport(summary, config.output().records(), file, false));
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
                return isMerged ? Future.succeededFuture() : lookForLost(0);
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

    private Future<Void> lookForLost(int part) {
        if (part == parts) {
            return Future.succeededFuture();
        }
        synchronized (this) {
            if (ended.containsKey(part)) {
                return lookForLost(part + 1);
            }
        }
        return vertx.sharedData().getLockWithTimeout(crawl.partLock(part), PROBE_MS)
                .compose(lock -> lost(part).compose(wasLost -> wasLost ? book.isMerged() : Future.succeededFuture(true))
                        .compose(leaveIt -> {
                            // merged since this look began: the part's node left because the crawl is over
                            if (leaveIt) {
                                lock.release();
                                return Future.<Void>succeededFuture();
                            }
                            return takeOver(part, lock);
                        }), held -> {
                    synchronized (this) {
                        freeLooks.remove(part);
                    }
                    return Future.<Void>succeededFuture();
                })
                .compose(v -> lookForLost(part + 1));
    }

    /**
     * Whether a free part was lost: it started in this cluster (its node is gone), or it has a state from an
     * earlier run that no node has claimed for a while.
     */
    private Future<Boolean> lost(int part) {
        return book.isStarted(part).map(isStarted -> {
            if (isStarted) {
                return true;
            }
            if (stateDir == null || !Files.exists(PartFiles.state(stateDir, part).resolve(StateStore.FILE))) {
                return false;
            }
            synchronized (this) {
                return freeLooks.merge(part, 1, Integer::sum) >= FREE_LOOKS;
            }
        });
    }

    private Future<Void> takeOver(int part, Lock lock) {
        if (stateDir == null) {
            lock.release();
            return Future.failedFuture(new PartLost(crawl, part));
        }
        // the state file's lock is the fence: a node that only seemed dead still holds it, and nobody else may
        // run the part until it lets go
        return vertx.executeBlocking(() -> fenced(part)).compose(free -> {
            if (!free) {
                lock.release();
                return Future.succeededFuture();
            }
            synchronized (this) {
                takenLocks.put(part, lock);
                say.accept("part " + part + " of crawl '" + crawl.crawlId() + "' had lost its node: taken over here,"
                        + " resuming its state");
                startPart(part);
            }
            return Future.succeededFuture();
        });
    }

    /** Whether part {@code part}'s state can be opened now (no other process holds it). */
    private boolean fenced(int part) {
        Path dir = PartFiles.state(stateDir, part);
        if (!Files.exists(dir.resolve(StateStore.FILE))) {
            return true; // it died before its state was made: the taker starts it afresh
        }
        try {
            StateStore.open(dir, true).close();
            return true;
        } catch (StateException heldOrBroken) {
            return false;
        }
    }

    /** A part whose node is gone, in a crawl without a state to rebuild it from. */
    public static final class PartLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PartLost(CrawlAddresses crawl, int part) {
            super("part " + part + " of crawl '" + crawl.crawlId() + "' was lost with its node, and without --state"
                    + " its URLs are gone; run the crawl again with --state DIR (a folder every node can reach) to"
                    + " survive a node's death", null, false, false);
        }
    }
}
