package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.fetch.AsyncFetcher;
import dev.crawlcase.crawler.bus.FrontierClient;
import io.vertx.core.Future;

/**
 * Async mode: the non-blocking Vert.x client on this verticle's event loop, up to C requests in flight on one
 * thread. Parsing is CPU work (a large page takes tens of milliseconds in jsoup), so it runs on a {@link ParsePool}
 * (one thread per core) instead of stalling the event loop; everything else stays on the loop.
 */
final class AsyncVerticle extends FetchVerticle {
    private final FetcherSettings settings;
    private AsyncFetcher fetcher;
    private ParsePool parsePool;
    private Archiving archiving;

    AsyncVerticle(FetcherSettings settings) {
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        fetcher = new AsyncFetcher(vertx, settings.limits(), settings.concurrency()).gatedBy(settings.acting());
        parsePool = ParsePool.of(vertx, deploymentID(), settings.processor(Mode.ASYNC));
        archiving = Archiving.of(vertx, settings.archive());
        FrontierClient client = new FrontierClient(vertx, settings.addresses(), settings.fetcherId());
        ended(new FetchSlots(vertx, client, settings.concurrency(), Mode.ASYNC,
                task -> fetcher.fetch(task)
                        .compose(result -> archiving.later(task, result))
                        .compose(result -> parsePool.process(task, result)))
                .watchedBy(settings.slotWatch(vertx)).gatedBy(settings.acting()).run());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return fetcher.close().eventually(parsePool::close).eventually(archiving::close);
    }
}
