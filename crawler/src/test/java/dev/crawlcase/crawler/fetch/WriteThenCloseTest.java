package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServerOptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A server that writes a whole large answer and closes at once (the hostile world's huge page, any HTTP/1.0-style
 * server): every byte was sent before the close, so every attempt must get the whole body. Vert.x's client used to
 * report such a close before the body it had read but not yet handed over (connection and handlers on two event
 * loops), and the response failed as {@code truncated_body}: about half the attempts under io_uring, fewer under the
 * default transport. The same server answers many times in a row, each attempt on a new connection.
 */
class WriteThenCloseTest {
    /** A page of about 1.2 MB, the size of the hostile world's huge page: far more than one read. */
    private static final int LINKS = 50_000;
    private static final int ATTEMPTS = 40;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @ParameterizedTest
    @ValueSource(strings = {"async", "io-uring"})
    void everyAttemptGetsTheWholeBodyOfAnAnswerFollowedByAClose(String client) {
        if (client.equals("io-uring")) {
            assumeTrue(IoUringFetcher.unavailableReason().isEmpty(), () -> IoUringFetcher.unavailableReason().orElseThrow());
        }
        byte[] body = page();
        Vertx sites = kit.vertx();
        Buffer answer = Buffer.buffer(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)).appendBytes(body);
        int port = CrawlcaseExtension.await(sites.createNetServer(new NetServerOptions().setHost("127.0.0.1"))
                .connectHandler(socket -> {
                    boolean[] answered = {false};
                    socket.handler(request -> {
                        if (!answered[0]) {
                            answered[0] = true;
                            socket.write(answer).onComplete(written -> socket.close());
                        }
                    });
                })
                .listen(0)).actualPort();

        Vertx crawl = kit.vertx();
        FetchLimits limits = new FetchLimits(10_000, 20_000, 30_000, 10 << 20, 512 << 10,
                FetchLimits.DEFAULT_USER_AGENT, false);
        LoopFetcher fetcher = client.equals("io-uring") ? IoUringFetcher.start(limits, 8) : onVertx(crawl, limits);
        FetchTask task = new FetchTask(1, "http://127.0.0.1:" + port + "/", 0, 1, 0, FetchTask.Kind.PAGE);
        Context caller = crawl.getOrCreateContext();
        List<String> shortReads = new ArrayList<>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                Promise<FetchResult> done = Promise.promise();
                caller.runOnContext(v -> fetcher.fetch(task).onComplete(done));
                FetchResult result = CrawlcaseExtension.await(done.future());
                if (result.error() != null || !java.util.Arrays.equals(result.body(), body)) {
                    shortReads.add("attempt " + i + ": " + result.error() + ", " + result.body().length + " bytes");
                }
            }
        } finally {
            CrawlcaseExtension.await(fetcher.close());
        }
        assertThat(shortReads).as("attempts that did not get all %d bytes", body.length).isEmpty();
    }

    private static LoopFetcher onVertx(Vertx vertx, FetchLimits limits) {
        AsyncFetcher fetcher = new AsyncFetcher(vertx, limits, 8);
        return new LoopFetcher() {
            @Override
            public Future<FetchResult> fetch(FetchTask task) {
                return fetcher.fetch(task);
            }

            @Override
            public Future<Void> close() {
                return fetcher.close();
            }
        };
    }

    private static byte[] page() {
        StringBuilder html = new StringBuilder("<html><title>huge</title><body>");
        for (int i = 0; i < LINKS; i++) {
            html.append("<a href=\"/h/").append(i).append("\">h</a>");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
