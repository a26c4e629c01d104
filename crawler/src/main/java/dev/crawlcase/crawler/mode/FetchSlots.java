package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.task.Lease;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.BooleanSupplier;

/**
 * Keeps up to N fetches in flight from an event-loop verticle: ask the frontier for tasks for the free slots, run
 * each through {@code work} (whatever the mode makes of it: a blocking call on a worker thread, or a non-blocking
 * request), and hand the outcomes back in the next exchange, repeat until the frontier says the crawl is finished.
 * Runs on one event-loop thread.
 *
 * <p>One exchange at a time asks for tasks; it may be parked at the frontier while nothing is ready. Outcomes
 * that finish meanwhile go at once in a report-only exchange (asking for nothing, answered at once), because they
 * may be what makes new work ready; outcomes that finish together, or while a report is on its way, go together
 * in the next one. A slot is free once its outcome is buffered: the frontier takes the outcomes of an exchange before it
 * leases, so no more than N tasks are ever out.
 */
final class FetchSlots {
    private static final Logger LOG = LoggerFactory.getLogger(FetchSlots.class);
    private static final long RETRY_LEASE_MS = 200;

    private final Vertx vertx;
    private final FrontierClient client;
    private final int slots;
    private final Function<FetchTask, Future<FetchOutcome>> work;
    private final Mode mode;
    private final Promise<Void> finished = Promise.promise();
    private final List<FetchOutcome> ready = new ArrayList<>();
    /** Which slots are working on a task, so the timeline can draw one row per slot. */
    private final BitSet busy = new BitSet();
    private SlotWatch watch = SlotWatch.OFF;
    private BooleanSupplier acting = () -> true;
    private int fetching;
    /** Tasks asked for by the exchange that is on its way, 0 when none asks. */
    private int asked;
    private boolean asking;
    private boolean reporting;
    private boolean retryPending;
    private boolean flushScheduled;
    private Context context;
    private boolean ended;
    private boolean waitingLogged;

    FetchSlots(Vertx vertx, FrontierClient client, int slots, Mode mode, Function<FetchTask, Future<FetchOutcome>> work) {
        this.vertx = vertx;
        this.client = client;
        this.slots = slots;
        this.mode = mode;
        this.work = work;
    }

    /** Tells {@code watch} when each slot takes a task and lets it go (the timeline, the live strip). */
    FetchSlots watchedBy(SlotWatch watch) {
        this.watch = watch;
        return this;
    }

    /**
     * Starts no leased task once {@code acting} says no. A node that stood still (SIGSTOP, a frozen VM) may have been
     * declared dead and its part taken over; a lease that reached this verticle before the pause, or while it was
     * paused, must not become a request after it. The tasks are dropped (their leases expire with the node), no more
     * are asked for, and the slots end once what runs has finished.
     */
    FetchSlots gatedBy(BooleanSupplier acting) {
        this.acting = acting;
        return this;
    }

    /** Starts pulling work; the future completes when the crawl is over and every outcome is handed in. */
    Future<Void> run() {
        context = vertx.getOrCreateContext();
        exchange();
        return finished.future();
    }

    private void exchange() {
        if (!retryPending) {
            send();
        }
        maybeFinish();
    }

    private void send() {
        int free = ended ? 0 : slots - fetching - asked;
        if (!asking && free > 0) {
            List<FetchOutcome> outcomes = take();
            asking = true;
            asked = free;
            client.exchange(outcomes, free).onComplete(ar -> {
                asking = false;
                asked = 0;
                answered(ar, outcomes);
            });
        } else if (!reporting && !ready.isEmpty()) {
            List<FetchOutcome> outcomes = take();
            reporting = true;
            client.exchange(outcomes, 0).onComplete(ar -> {
                reporting = false;
                answered(ar, outcomes);
            });
        }
    }

    /**
     * Sends the ready outcomes once the event loop has run what is already queued, so outcomes that finish
     * together (several responses read in one turn, parses done at once) travel in one exchange.
     */
    private void flushSoon() {
        if (!flushScheduled) {
            flushScheduled = true;
            context.runOnContext(v -> {
                flushScheduled = false;
                exchange();
            });
        }
    }

    private List<FetchOutcome> take() {
        List<FetchOutcome> outcomes = List.copyOf(ready);
        ready.clear();
        return outcomes;
    }

    private void answered(AsyncResult<Lease> ar, List<FetchOutcome> outcomes) {
        if (ar.failed()) {
            outcomes.forEach(o -> LOG.warn("report of {} failed; its lease will expire: {}", o.task().url(),
                    ar.cause().getMessage()));
            logLeaseFailure(ar.cause());
            retryPending = true;
            vertx.setTimer(RETRY_LEASE_MS, id -> {
                retryPending = false;
                exchange();
            });
            maybeFinish();
            return;
        }
        Lease lease = ar.result();
        if (!acting.getAsBoolean()) {
            ended = true;
            maybeFinish();
            return;
        }
        if (lease.finished()) {
            ended = true;
        }
        for (FetchTask task : lease.tasks()) {
            fetching++;
            int slot = busy.nextClearBit(0);
            busy.set(slot);
            long start = System.nanoTime();
            watch.started(slot, task, start);
            work.apply(task)
                    .recover(err -> Future.succeededFuture(TaskFailure.of(task, err, mode)))
                    .onComplete(done -> {
                        fetching--;
                        busy.clear(slot);
                        watch.ended(slot, start, System.nanoTime(), done.result().result());
                        ready.add(done.result());
                        flushSoon();
                    });
        }
        exchange();
    }

    /** No frontier (yet) is normal for a cluster fetcher that started first: say so once, not every retry. */
    private void logLeaseFailure(Throwable cause) {
        boolean noFrontier = cause instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS;
        if (!noFrontier) {
            LOG.warn("lease failed, asking again: {}", cause.getMessage());
        } else if (!waitingLogged) {
            waitingLogged = true;
            LOG.info("no frontier answers yet; asking every {} ms", RETRY_LEASE_MS);
        }
    }

    private void maybeFinish() {
        if (ended && fetching == 0 && ready.isEmpty() && !asking && !reporting) {
            finished.tryComplete();
        }
    }
}
