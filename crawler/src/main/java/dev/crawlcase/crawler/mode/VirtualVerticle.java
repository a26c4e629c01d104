package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.fetch.AsyncFetcher;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.task.Lease;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Virtual mode: deployed with {@code ThreadingModel.VIRTUAL_THREAD}. Each of C workers is a plain loop that
 * reads top to bottom (hand in the last outcome and get a task, fetch, parse) and {@code await}s each step; while
 * one awaits, its virtual thread is parked and the carrier thread runs another. Same non-blocking client as async,
 * sequential-looking code. The verticle's context runs one virtual thread at a time, so parsing is awaited from a
 * {@link ParsePool} like async mode's; inline it would keep every other worker waiting. Needs JDK 21+. A failed
 * exchange (no frontier yet on a cluster) is asked again after a short pause; a task that throws gets a failed
 * outcome ({@link TaskFailure}) and its worker goes on.
 */
final class VirtualVerticle extends FetchVerticle {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualVerticle.class);
    private static final long RETRY_LEASE_MS = 200;

    private final FetcherSettings settings;
    private AsyncFetcher fetcher;
    private ParsePool parsePool;
    private Archiving archiving;

    VirtualVerticle(FetcherSettings settings) {
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        fetcher = new AsyncFetcher(vertx, settings.limits(), settings.concurrency());
        parsePool = ParsePool.of(vertx, deploymentID(), settings.processor(Mode.VIRTUAL));
        archiving = Archiving.of(vertx, settings.archive());
        FrontierClient client = new FrontierClient(vertx, settings.addresses(), settings.fetcherId());
        SlotWatch watch = settings.slotWatch(vertx);
        List<Future<Void>> workers = new ArrayList<>();
        for (int i = 0; i < settings.concurrency(); i++) {
            Promise<Void> worker = Promise.promise();
            workers.add(worker.future());
            int slot = i;
            context.runOnContext(v -> {
                work(client, slot, watch);
                worker.complete();
            });
        }
        ended(Future.all(workers).mapEmpty());
        return Future.succeededFuture();
    }

    /** Each exchange hands in the outcome of the last task (none the first time) and asks for the next one. */
    private void work(FrontierClient client, int slot, SlotWatch watch) {
        List<FetchOutcome> outcomes = List.of();
        while (true) {
            Lease lease = exchange(client, outcomes);
            // a node that stood still starts no task it leased before (FetchSlots.gatedBy says why)
            if (lease.finished() || !settings.acting().getAsBoolean()) {
                return;
            }
            List<FetchOutcome> done = new ArrayList<>(lease.tasks().size());
            for (FetchTask task : lease.tasks()) {
                long start = System.nanoTime();
                watch.started(slot, task, start);
                FetchOutcome outcome = fetchAndParse(task);
                watch.ended(slot, start, System.nanoTime(), outcome.result());
                done.add(outcome);
            }
            outcomes = done;
        }
    }

    /**
     * Whatever one task throws (a parser bug, an OutOfMemoryError on a huge page) becomes its failed outcome, as the
     * other modes' futures turn it into one: an await that throws out of the loop would end this worker for good.
     */
    private FetchOutcome fetchAndParse(FetchTask task) {
        try {
            FetchResult result = archiving.later(task, fetcher.fetch(task).await()).await();
            return parsePool.process(task, result).await();
        } catch (Throwable e) {
            return TaskFailure.of(task, e, Mode.VIRTUAL);
        }
    }

    private Lease exchange(FrontierClient client, List<FetchOutcome> outcomes) {
        List<FetchOutcome> handIn = outcomes;
        while (true) {
            try {
                return client.exchange(handIn, 1).await();
            } catch (RuntimeException e) {
                handIn.forEach(o -> LOG.warn("report of {} failed; its lease will expire: {}", o.task().url(),
                        e.getMessage()));
                handIn = List.of();
                LOG.debug("lease failed, asking again: {}", e.getMessage());
                vertx.timer(RETRY_LEASE_MS).await();
            }
        }
    }

    @Override
    public Future<?> stop() {
        return fetcher.close().eventually(parsePool::close).eventually(archiving::close);
    }
}
