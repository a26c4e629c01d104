package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.FetchResult;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async client's pool split into shards: sizes, least-loaded choice, and the whole capacity still usable at
 * once (a server that answers only when every request has arrived would wait forever if one waited for a pooled
 * connection).
 */
class ClientShardsTest {
    private static final FetchLimits GENEROUS = new FetchLimits(20_000, 30_000, 60_000, 1 << 20, 1 << 20,
            FetchLimits.DEFAULT_USER_AGENT, false);

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void splitsTheConnectionsIntoShardsOfAtMost256() {
        assertThat(poolSizes(64)).containsExactly(64);
        assertThat(poolSizes(256)).containsExactly(256);
        assertThat(poolSizes(257)).containsExactly(129, 129);
        assertThat(poolSizes(10_000)).hasSize(40).containsOnly(250);
    }

    @Test
    void eachRequestGoesToTheLeastLoadedShard() {
        ClientShards shards = new ClientShards(600, size -> null);
        assertThat(shards.size()).isEqualTo(3);
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picked.add(shards.acquire());
        }
        assertThat(picked).containsExactly(0, 1, 2, 0, 1, 2);
        shards.release(1);
        shards.release(1);
        assertThat(shards.acquire()).isEqualTo(1);
        assertThat(List.of(shards.inFlight(0), shards.inFlight(1), shards.inFlight(2))).containsExactly(2, 1, 2);
    }

    @Test
    void everyConnectionOfEveryShardIsUsableAtOnce() throws Exception {
        int total = 600;
        Vertx vertx = kit.vertx();
        List<HttpServerRequest> held = new ArrayList<>();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> {
                    held.add(request);
                    if (held.size() == total) {
                        held.forEach(r -> r.response().putHeader("content-type", "text/html").end("<p>ok</p>"));
                    }
                });
        int port = server.listen().toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS).actualPort();
        AsyncFetcher fetcher = new AsyncFetcher(vertx, GENEROUS, total);
        List<FetchResult> results = new ArrayList<>();
        VerticleBase caller = new VerticleBase() {
            @Override
            public Future<?> start() {
                List<Future<FetchResult>> fetches = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    fetches.add(fetcher.fetch(new FetchTask(1, "http://127.0.0.1:" + port + "/p" + i, 0, 1, 0,
                            FetchTask.Kind.PAGE)).andThen(ar -> results.add(ar.result())));
                }
                return Future.all(fetches);
            }
        };
        vertx.deployVerticle(caller).compose(vertx::undeploy).compose(v -> fetcher.close())
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(results).hasSize(total).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    private static List<Integer> poolSizes(int maxConnections) {
        List<Integer> sizes = new ArrayList<>();
        new ClientShards(maxConnections, size -> {
            sizes.add(size);
            return null;
        });
        return sizes;
    }
}
