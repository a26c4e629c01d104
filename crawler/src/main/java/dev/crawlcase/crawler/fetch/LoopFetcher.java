package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Future;

/**
 * A fetcher whose sockets live on I/O threads of its own (a hand-written poll or selector loop, or a Vert.x instance
 * on another transport), not on the caller's: each result comes back on the caller's Vert.x context.
 */
public interface LoopFetcher {
    /** GETs {@code task.url()} once; completes on the caller's context and never fails (errors are in the result). */
    Future<FetchResult> fetch(FetchTask task);

    /** Stops the I/O threads; requests still open end as failures. */
    Future<Void> close();
}
