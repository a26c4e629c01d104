package dev.crawlcase.crawler.mode;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;

/**
 * A fetch verticle of any mode. {@link #finished()} completes once the frontier has answered "finished" and
 * nothing is left in flight, so a fetcher node of a cluster knows when the crawl it joined is over.
 */
public abstract class FetchVerticle extends VerticleBase {
    private final Promise<Void> finished = Promise.promise();

    public Future<Void> finished() {
        return finished.future();
    }

    /** For subclasses: the fetch loop has ended. */
    protected final void ended(Future<Void> end) {
        end.onComplete(finished);
    }
}
