package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.fetch.BlockingFetcher;
import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.parse.PageProcessor;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.TimeUnit;

/**
 * Thread-pool mode: the blocking JDK HttpClient on N platform threads. Each fetch (and its parse) occupies one
 * worker thread from the first byte sent to the last byte read; N requests in flight cost N threads.
 */
class ThreadPoolVerticle extends FetchVerticle {
    private final FetcherSettings settings;
    private final int threads;
    private final Mode mode;
    private BlockingFetcher fetcher;
    private WorkerExecutor pool;
    private Archiving archiving;

    ThreadPoolVerticle(FetcherSettings settings) {
        this(settings, settings.concurrency(), Mode.THREAD_POOL);
    }

    ThreadPoolVerticle(FetcherSettings settings, int threads, Mode mode) {
        this.settings = settings;
        this.threads = threads;
        this.mode = mode;
    }

    @Override
    public Future<?> start() {
        fetcher = new BlockingFetcher(settings.limits());
        long maxBlockMs = settings.limits().totalTimeoutMs() + 10_000;
        pool = vertx.createSharedWorkerExecutor("crawl-" + mode.label() + "-" + deploymentID(), threads,
                maxBlockMs, TimeUnit.MILLISECONDS);
        PageProcessor processor = settings.processor(mode);
        archiving = Archiving.of(vertx, settings.archive());
        FrontierClient client = new FrontierClient(vertx, settings.addresses(), settings.fetcherId());
        ended(new FetchSlots(vertx, client, threads, mode,
                task -> pool.executeBlocking(() -> processor.process(task, archiving.now(task, fetcher.fetch(task))),
                        false))
                .watchedBy(settings.slotWatch(vertx)).gatedBy(settings.acting()).run());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        fetcher.close();
        return pool.close().eventually(archiving::close);
    }
}
