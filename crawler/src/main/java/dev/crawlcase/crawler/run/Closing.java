package dev.crawlcase.crawler.run;

import io.vertx.core.Future;

import java.util.function.Supplier;

/**
 * Runs a close after a piece of work, whatever the work's outcome, and keeps the first failure: the work's if it
 * failed, else the close's. {@code Future.eventually} is not enough here: it keeps the work's outcome and drops a
 * failed close, which is how a records file that could not be written once went unseen.
 */
final class Closing {
    private Closing() {
    }

    static <T> Future<T> after(Future<T> work, Supplier<? extends Future<?>> close) {
        return work.transform(done -> close.get().transform(closed -> {
            if (done.failed()) {
                return Future.failedFuture(done.cause());
            }
            return closed.failed() ? Future.failedFuture(closed.cause()) : Future.succeededFuture(done.result());
        }));
    }
}
