package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.fetch.AsyncFetcher;
import dev.crawlcase.crawler.pipeline.FrontierClient;
import dev.crawlcase.crawler.pipeline.PageProcessor;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

/**
 * Async mode: the non-blocking Vert.x client on this verticle's event loop, up to C requests in flight on one
 * thread. Parsing is CPU work (a large page takes tens of milliseconds in jsoup), so it runs on a small parse
 * pool (one thread per core) instead of stalling the event loop; everything else stays on the loop.
 */
final class AsyncVerticle extends FetchVerticle {
    private final FetcherSettings settings;
    private AsyncFetcher fetcher;
    private WorkerExecutor parsePool;

    AsyncVerticle(FetcherSettings settings) {
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        fetcher = new AsyncFetcher(vertx, settings.limits(), settings.concurrency());
        parsePool = vertx.createSharedWorkerExecutor("crawl-parse-" + deploymentID(),
                Runtime.getRuntime().availableProcessors());
        PageProcessor processor = settings.processor(Mode.ASYNC);
        FrontierClient client = new FrontierClient(vertx, settings.addresses(), settings.fetcherId());
        ended(new FetchSlots(vertx, client, settings.concurrency(), Mode.ASYNC.label(),
                task -> fetcher.fetch(task).compose(result -> PageProcessor.needsParsing(task, result)
                        ? parsePool.executeBlocking(() -> processor.process(task, result), false)
                        : Future.succeededFuture(processor.process(task, result))))
                .run());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return fetcher.close().eventually(parsePool::close);
    }
}
