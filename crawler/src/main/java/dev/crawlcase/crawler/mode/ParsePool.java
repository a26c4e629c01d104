package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.parse.PageProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.function.BiFunction;

/**
 * The parse step off the fetch loop's own context, on one worker thread per core. Async mode needs it because
 * parsing a large page on the event loop would stall every other request; virtual mode needs it because a
 * virtual-thread verticle's context runs one virtual thread at a time (an {@code await} is what lets the next one
 * run), so CPU work done inline would use one core however many fetches are in flight. Responses that need no
 * parsing (errors, redirects, robots.txt, non-HTML) are turned into outcomes inline.
 */
final class ParsePool {
    private final WorkerExecutor pool;
    private final BiFunction<FetchTask, FetchResult, FetchOutcome> processor;

    ParsePool(Vertx vertx, String name, BiFunction<FetchTask, FetchResult, FetchOutcome> processor) {
        this.pool = vertx.createSharedWorkerExecutor(name, Runtime.getRuntime().availableProcessors());
        this.processor = processor;
    }

    static ParsePool of(Vertx vertx, String deploymentId, PageProcessor processor) {
        return new ParsePool(vertx, "crawl-parse-" + deploymentId, processor::process);
    }

    Future<FetchOutcome> process(FetchTask task, FetchResult result) {
        return PageProcessor.needsParsing(task, result)
                ? pool.executeBlocking(() -> processor.apply(task, result), false)
                : Future.succeededFuture(processor.apply(task, result));
    }

    Future<Void> close() {
        return pool.close();
    }
}
