package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.fetch.ProcessPoolFetcher;
import dev.crawlcase.crawler.parse.PageProcessor;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Processes mode, the documents' process pool: N worker JVMs ({@link ProcessPoolFetcher}), all started before the
 * first lease and each fetching one task at a time, fed from this JVM's one frontier. N worker threads here each wait on one worker's pipe (never an
 * event loop) and parse what it returns. Each worker costs a JVM start and its own memory; that cost is the rung's
 * lesson, and the crawl's figures count it (its wall time includes the starts, its memory the workers' resident
 * sets).
 */
final class ProcessPoolVerticle extends FetchVerticle {
    private final FetcherSettings settings;
    private ProcessPoolFetcher fetcher;
    private WorkerExecutor pool;

    ProcessPoolVerticle(FetcherSettings settings) {
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        int processes = settings.concurrency();
        fetcher = new ProcessPoolFetcher(settings.limits());
        long maxBlockMs = settings.limits().totalTimeoutMs() + 70_000;
        pool = vertx.createSharedWorkerExecutor("crawl-processes-" + deploymentID(), processes, maxBlockMs,
                TimeUnit.MILLISECONDS);
        PageProcessor processor = settings.processor(Mode.PROCESSES);
        FrontierClient client = new FrontierClient(vertx, settings.addresses(), settings.fetcherId());
        // every worker is started, side by side, before the first lease: a JVM start inside a fetch would count
        // against that task's lease (which may expire, and the page be fetched twice), and a pool that cannot start
        // its workers fails the deployment instead of every task
        List<Future<Void>> starts = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            starts.add(pool.executeBlocking(() -> {
                fetcher.startOne();
                return null;
            }, false));
        }
        return Future.all(starts).onSuccess(ready -> ended(new FetchSlots(vertx, client, processes, Mode.PROCESSES,
                task -> pool.executeBlocking(() -> processor.process(task, fetcher.fetch(task)), false))
                .watchedBy(settings.slotWatch(vertx)).gatedBy(settings.acting()).run()));
    }

    @Override
    public Future<?> stop() {
        fetcher.close();
        return pool.close();
    }
}
