package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.FetchResult;

import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The two fetchers behind one synchronous test-side call: the blocking one is called on the test thread (a worker
 * thread in production), the async one is started on an event-loop context and asserts it never left it.
 */
enum FetcherUnderTest {
    BLOCKING, ASYNC;

    interface Running extends AutoCloseable {
        FetchResult fetch(FetchTask task) throws Exception;

        @Override
        void close() throws Exception;
    }

    Running start(Vertx vertx, FetchLimits limits) {
        return start(vertx, limits, HostResolver.SYSTEM);
    }

    Running start(Vertx vertx, FetchLimits limits, HostResolver resolver) {
        if (this == BLOCKING) {
            BlockingFetcher fetcher = new BlockingFetcher(limits, BlockingFetcher.DEFAULT_EXECUTOR_THREADS, resolver);
            return new Running() {
                public FetchResult fetch(FetchTask task) {
                    return fetcher.fetch(task);
                }

                public void close() {
                    fetcher.close();
                }
            };
        }
        AsyncFetcher fetcher = new AsyncFetcher(vertx, limits, 16, resolver);
        return new Running() {
            public FetchResult fetch(FetchTask task) throws Exception {
                Context context = vertx.getOrCreateContext();
                CompletableFuture<FetchResult> result = new CompletableFuture<>();
                context.runOnContext(v -> fetcher.fetch(task).onComplete(ar -> {
                    if (!Context.isOnEventLoopThread() || Vertx.currentContext() != context) {
                        result.completeExceptionally(new AssertionError("completed off the caller's event loop"));
                    } else if (ar.succeeded()) {
                        result.complete(ar.result());
                    } else {
                        result.completeExceptionally(ar.cause());
                    }
                }));
                return result.get(30, TimeUnit.SECONDS);
            }

            public void close() throws Exception {
                fetcher.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        };
    }
}
