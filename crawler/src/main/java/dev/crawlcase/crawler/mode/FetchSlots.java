package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.task.Lease;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Keeps up to N fetches in flight from an event-loop verticle: lease tasks for the free slots, run each through
 * {@code work} (whatever the mode makes of it: a blocking call on a worker thread, or a non-blocking request),
 * report the outcome, repeat until the frontier says the crawl is finished. Runs on one event-loop thread.
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
    private int inFlight;
    private boolean leasing;
    private boolean ended;
    private boolean waitingLogged;

    FetchSlots(Vertx vertx, FrontierClient client, int slots, Mode mode, Function<FetchTask, Future<FetchOutcome>> work) {
        this.vertx = vertx;
        this.client = client;
        this.slots = slots;
        this.mode = mode;
        this.work = work;
    }

    /** Starts pulling work; the future completes when the crawl is over and nothing is in flight. */
    Future<Void> run() {
        fill();
        return finished.future();
    }

    private void fill() {
        if (ended || leasing || inFlight >= slots) {
            return;
        }
        leasing = true;
        client.lease(slots - inFlight).onComplete(ar -> {
            leasing = false;
            if (ar.failed()) {
                logLeaseFailure(ar.cause());
                vertx.setTimer(RETRY_LEASE_MS, id -> fill());
            } else {
                accept(ar.result());
            }
        });
    }

    private void accept(Lease lease) {
        if (lease.finished()) {
            ended = true;
            maybeFinish();
            return;
        }
        for (FetchTask task : lease.tasks()) {
            inFlight++;
            work.apply(task)
                    .recover(err -> Future.succeededFuture(TaskFailure.of(task, err, mode)))
                    .compose(client::report)
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            LOG.warn("report of {} failed; its lease will expire: {}", task.url(), ar.cause().getMessage());
                        }
                        inFlight--;
                        maybeFinish();
                        fill();
                    });
        }
        fill();
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
        if (ended && inFlight == 0) {
            finished.tryComplete();
        }
    }
}
