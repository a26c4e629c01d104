package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The non-blocking fetcher asks its gate once the connection is there, right before the request leaves: a cluster
 * node that froze while it connected, and whose parts may have moved on, sends nothing once it wakes. The server
 * counts what arrives.
 */
class AsyncFetcherGateTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void onceTheGateSaysNoNoRequestLeavesEvenOnAConnectionAlreadyOpen() {
        Vertx vertx = kit.vertx();
        AtomicInteger arrived = new AtomicInteger();
        HttpServer server = await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> {
            arrived.incrementAndGet();
            req.response().putHeader("content-type", "text/html").end("<html><title>t</title></html>");
        }).listen());
        FetchLimits limits = new FetchLimits(10_000, 20_000, 30_000, 1 << 20, 512 << 10,
                FetchLimits.DEFAULT_USER_AGENT, false);
        AtomicBoolean acting = new AtomicBoolean(true);
        AsyncFetcher fetcher = new AsyncFetcher(vertx, limits, 1).gatedBy(acting::get);
        FetchTask task = new FetchTask(1, "http://127.0.0.1:" + server.actualPort() + "/", 0, 1, 0,
                FetchTask.Kind.PAGE);
        Context caller = vertx.getOrCreateContext();
        try {
            assertThat(fetch(caller, fetcher, task).error()).isNull();
            assertThat(arrived).hasValue(1);
            acting.set(false);
            FetchResult refused = fetch(caller, fetcher, task);
            assertThat(refused.error()).as("a request the gate stopped").isNotNull();
            assertThat(arrived).as("requests the server saw").hasValue(1);
        } finally {
            await(fetcher.close());
        }
    }

    private static FetchResult fetch(Context caller, AsyncFetcher fetcher, FetchTask task) {
        Promise<FetchResult> done = Promise.promise();
        caller.runOnContext(v -> fetcher.fetch(task).onComplete(done));
        return await(done.future());
    }
}
