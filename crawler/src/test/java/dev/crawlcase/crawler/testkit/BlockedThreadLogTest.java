package dev.crawlcase.crawler.testkit;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The log hears Vert.x's checker: an event loop held past its limit shows up as a warning. */
class BlockedThreadLogTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void aHeldEventLoopIsHeard() {
        Vertx vertx = kit.adopt(Vertx.builder().with(new VertxOptions().setMaxEventLoopExecuteTime(20)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS).setBlockedThreadCheckInterval(10)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)).build());
        try (BlockedThreadLog log = BlockedThreadLog.open()) {
            Promise<Void> held = Promise.promise();
            long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(CrawlcaseExtension.BOUND_S);
            vertx.runOnContext(v -> {
                // holds the loop until the checker has spoken (or the bound passes), not for a guessed time
                while (log.warnings().isEmpty() && System.nanoTime() < bound) {
                    Thread.onSpinWait();
                }
                held.complete();
            });
            CrawlcaseExtension.await(held.future());
            assertThat(log.warnings()).isNotEmpty().allMatch(w -> w.contains("has been blocked"));
        }
    }
}
