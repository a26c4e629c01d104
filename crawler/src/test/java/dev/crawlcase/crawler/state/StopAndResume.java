package dev.crawlcase.crawler.state;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A durable crawl stopped (as by Ctrl-C) once some pages are fetched, and its resume to the end. */
final class StopAndResume {
    private StopAndResume() {
    }

    /** Runs {@code config} with its state in {@code stateDir} and stops it once {@code fetched} pages are fetched. */
    static CrawlReport stopAfter(Vertx vertx, CrawlConfig config, Path stateDir, long fetched) {
        try (StateStore state = StateStore.open(stateDir, false)) {
            CrawlRunner runner = new CrawlRunner(vertx, config, () -> 0).withState(state, 10);
            Promise<Void> someFetched = Promise.promise();
            vertx.eventBus().<JsonObject>consumer(runner.addresses().progress(), m -> {
                if (m.body().getLong("fetched") >= fetched) {
                    someFetched.tryComplete();
                }
            });
            Future<CrawlReport> run = runner.run();
            // a crawl that ends before its progress says so (a quick machine) must fail the test, not hang it
            Future.any(someFetched.future(), run).toCompletionStage().toCompletableFuture().join();
            assertThat(run.isComplete()).as("the crawl ended before " + fetched + " pages were fetched").isFalse();
            CrawlReport stopped = runner.stop(1_000).toCompletionStage().toCompletableFuture().join();
            assertThat(state.finished()).isFalse();
            return stopped;
        }
    }

    /** Repairs the records file against the state, resumes the crawl and runs it to its end. */
    static CrawlReport resume(Vertx vertx, CrawlConfig config, Path stateDir) {
        try (StateStore state = StateStore.open(stateDir, true)) {
            RecordsFileRepair.repair(config.output().records(), state);
            CrawlReport resumed = new CrawlRunner(vertx, config, () -> 0).withState(state, 10).run()
                    .toCompletionStage().toCompletableFuture().join();
            assertThat(state.finished()).isTrue();
            return resumed;
        }
    }
}
