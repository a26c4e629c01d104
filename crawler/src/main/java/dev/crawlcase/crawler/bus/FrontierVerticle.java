package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.CrawlAddresses;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Lease;
import dev.crawlcase.crawler.frontier.Frontier;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Owns one crawl's {@link Frontier} on a single event-loop context and serves it over the event bus: fetchers
 * lease tasks and report outcomes. A lease request with nothing ready is parked until work appears (a result
 * arrives, a politeness delay or retry delay passes) or the crawl ends. All frontier calls happen on this
 * verticle's thread, so the frontier needs no locks. One {@link Exchange} carries a fetcher's finished outcomes
 * and its request for more; the outcomes are taken on arrival, whether the request is then answered or parked.
 *
 * <p>Its life is a {@link FrontierPhase}, changed only through that enum's transitions. It reads time from the
 * clock it is given, the same one its frontier reads, so a park's age and a wakeup's delay are measured on the
 * clock the frontier schedules by (a test's fake clock included); Vert.x timers only pace the checks.
 */
public final class FrontierVerticle extends VerticleBase {
    private static final long TICK_MS = 250;
    private static final long MAX_PARK_MS = 10_000;
    private static final int TICKS_PER_PROGRESS = 4;
    private static final long CHECKPOINT_MS = 200;
    /**
     * Links offered and records written per turn of the frontier: a few milliseconds of work, so neither a page
     * with hundreds of thousands of links nor the records owed at the end block the thread.
     */
    private static final int WORK_PER_TURN = 1_000;

    private final Frontier frontier;
    private final CrawlAddresses addresses;
    private final Checkpoints checkpoints;
    private final LongSupplier clockMs;
    private final CrawlWide crawlWide;
    private final Promise<Void> done = Promise.promise();
    private final ArrayDeque<Parked> parked = new ArrayDeque<>();
    private FrontierPhase phase = FrontierPhase.RUNNING;
    private long wakeupTimer = -1;
    private long wakeupAt = Long.MAX_VALUE;
    private int ticks;
    private boolean turnQueued;
    /** How many hosts of each kind its progress events show (0: none, nobody watches them). */
    private int hostsShown;
    /** Completed once the frontier's work is all done after it closed: every record it owes is written. */
    private final Promise<Void> caughtUp = Promise.promise();

    private record Parked(Message<Exchange> request, long since) {
    }

    /** Runs checkpoints of a durable crawl state on the frontier's own thread, between its calls. */
    @FunctionalInterface
    public interface Checkpoints {
        Future<Void> checkpoint();
    }

    /** @param clockMs the clock {@code frontier} was built with */
    public FrontierVerticle(Frontier frontier, CrawlAddresses addresses, LongSupplier clockMs) {
        this(frontier, addresses, null, clockMs);
    }

    /**
     * @param checkpoints a durable crawl state's journal (or null): checkpointed every {@value #CHECKPOINT_MS} ms
     *                    and at the end; with one, a stop leaves unfinished URLs to a resume instead of recording
     *                    them as "stopped"
     * @param clockMs     the clock {@code frontier} was built with
     */
    public FrontierVerticle(Frontier frontier, CrawlAddresses addresses, Checkpoints checkpoints,
                            LongSupplier clockMs) {
        this(frontier, addresses, checkpoints, clockMs, CrawlWide.ALONE);
    }

    /**
     * @param crawlWide the rest of the crawl: {@link CrawlWide#ALONE} when this frontier is the whole crawl, a
     *                  {@link PartLink} when it is one part of a sharded crawl (it then ends when every part has)
     */
    public FrontierVerticle(Frontier frontier, CrawlAddresses addresses, Checkpoints checkpoints,
                            LongSupplier clockMs, CrawlWide crawlWide) {
        this.frontier = frontier;
        this.addresses = addresses;
        this.checkpoints = checkpoints;
        this.clockMs = clockMs;
        this.crawlWide = crawlWide;
    }

    /**
     * Makes its progress events carry a bounded view of the hosts ({@link Frontier#hostLoads}), for a live page:
     * worth its pass over the hosts only when one watches. Call before it is deployed.
     */
    public FrontierVerticle showingHosts(int top) {
        this.hostsShown = top;
        return this;
    }

    /** Completes when every discovered URL has its record: the crawl finished, or a stop drained it. */
    public Future<Void> done() {
        return done.future();
    }

    public Frontier frontier() {
        return frontier;
    }

    /** Whether the crawl was stopped with URLs left for a resume (only with checkpoints). */
    public boolean suspended() {
        return phase.leftForResume();
    }

    FrontierPhase phase() {
        return phase;
    }

    @Override
    public Future<?> start() {
        BusCodecs.register(vertx);
        frontier.workInTurns(WORK_PER_TURN);
        MessageConsumer<Exchange> exchanges = vertx.eventBus().consumer(addresses.lease(), this::onExchange);
        MessageConsumer<Long> stops = vertx.eventBus().consumer(addresses.stop(), this::onStop);
        vertx.setPeriodic(TICK_MS, id -> onTick());
        if (checkpoints != null) {
            vertx.setPeriodic(CHECKPOINT_MS, id -> {
                if (!phase.ended()) {
                    checkpoints.checkpoint().onFailure(this::abort);
                }
            });
        }
        return Future.all(exchanges.completion(), stops.completion())
                .compose(v -> crawlWide.start(vertx, this::serveParked))
                .onSuccess(v -> serveParked());
    }

    private void onExchange(Message<Exchange> request) {
        Exchange exchange = request.body();
        if (!phase.ended()) {
            exchange.outcomes().forEach(frontier::complete);
        }
        if (!phase.leasing()) {
            request.reply(new Lease(List.of(), true));
        } else if (exchange.max() == 0) {
            request.reply(new Lease(List.of(), false));
        } else {
            parked.add(new Parked(request, clockMs.getAsLong()));
        }
        serveParked();
    }

    /**
     * One turn of the frontier's waiting work (links to offer, records to write); the next turn waits behind
     * whatever else the thread has to do.
     */
    private void takeTurns() {
        if (turnQueued) {
            return;
        }
        if (!frontier.takeTurn()) {
            if (phase.ended()) {
                caughtUp.tryComplete();
            }
            return;
        }
        turnQueued = true;
        context.runOnContext(v -> {
            turnQueued = false;
            takeTurns();
            if (!phase.ended()) {
                serveParked();
            }
        });
    }

    private void onStop(Message<Long> message) {
        phase = phase.stop();
        long graceMs = message.body() == null ? 0 : message.body();
        replyFinishedToParked();
        if (graceMs >= 0) { // a negative grace waits for every fetch in flight to end
            vertx.setTimer(Math.max(1, graceMs), id -> close());
        }
        checkFinished();
        done.future().onComplete(ar -> message.reply(null));
    }

    private void onTick() {
        if (phase.ended()) {
            return;
        }
        frontier.expireLeases();
        long now = clockMs.getAsLong();
        while (!parked.isEmpty() && now - parked.peek().since() > MAX_PARK_MS) {
            parked.poll().request().reply(new Lease(List.of(), false));
        }
        serveParked();
        if (++ticks % TICKS_PER_PROGRESS == 0) {
            vertx.eventBus().publish(addresses.progress(), CrawlProgress.of(frontier.stats(),
                    frontier.hostLoads(hostsShown)).toJson());
        }
    }

    private void serveParked() {
        if (!crawlWide.acting()) {
            return; // its part may run elsewhere now: the node ends without leasing again
        }
        crawlWide.pump();
        takeTurns();
        if (checkFinished()) {
            return;
        }
        while (!parked.isEmpty()) {
            Parked next = parked.peek();
            List<FetchTask> tasks = frontier.lease(next.request().body().max());
            if (tasks.isEmpty()) {
                break;
            }
            parked.poll();
            next.request().reply(new Lease(List.copyOf(tasks), false));
        }
        scheduleWakeup();
    }

    /** Ends the crawl when the frontier has nothing left, or a stop has drained everything in flight. */
    private boolean checkFinished() {
        if (phase.ended()) {
            return true;
        }
        boolean drained = phase == FrontierPhase.STOPPING && frontier.stats().inFlight() == 0;
        if (crawlWide.finished(frontier) || drained) {
            close();
            return true;
        }
        return false;
    }

    private void close() {
        if (phase.ended()) {
            return;
        }
        phase = phase.end(checkpoints != null, frontier.isFinished());
        if (phase == FrontierPhase.SUSPENDED) {
            frontier.suspend();
        } else {
            frontier.finish();
        }
        crawlWide.close();
        replyFinishedToParked();
        takeTurns();
        Future<Void> saved = caughtUp.future().compose(v -> checkpoints == null ? Future.succeededFuture()
                : checkpoints.checkpoint());
        saved.onComplete(ar -> {
            if (ar.succeeded()) {
                done.tryComplete();
            } else {
                done.tryFail(ar.cause());
            }
        });
    }

    /** A checkpoint failed (disk full, say): the crawl ends at once, what was committed stays for a resume. */
    private void abort(Throwable cause) {
        if (!phase.ended()) {
            phase = phase.abort();
            frontier.suspend();
            crawlWide.close();
            replyFinishedToParked();
            done.tryFail(cause);
        }
    }

    private void replyFinishedToParked() {
        while (!parked.isEmpty()) {
            parked.poll().request().reply(new Lease(List.of(), true));
        }
    }

    private void scheduleWakeup() {
        if (parked.isEmpty()) {
            return;
        }
        long at = frontier.nextWakeupMs();
        if (at == Long.MAX_VALUE || at >= wakeupAt) {
            return;
        }
        if (wakeupTimer >= 0) {
            vertx.cancelTimer(wakeupTimer);
        }
        wakeupAt = at;
        wakeupTimer = vertx.setTimer(Math.max(1, at - clockMs.getAsLong()), id -> {
            wakeupTimer = -1;
            wakeupAt = Long.MAX_VALUE;
            serveParked();
        });
    }
}
