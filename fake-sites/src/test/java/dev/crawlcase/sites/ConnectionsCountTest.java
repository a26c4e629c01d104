package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sites count the connections they accept, beside the requests: ten requests on one h2c connection are one
 * connection; ten HTTP/1.1 requests from a pool of at most two connections are at most two.
 */
@ExtendWith(VertxExtension.class)
class ConnectionsCountTest {

    @Test
    void tenRequestsOverH2cAreOneConnection(Vertx vertx) {
        FakeWorld world = TestWorlds.start(vertx, WorldConfig.of(3, SiteSpec.named("m").withPages(10, 2))
                .withHttp2(true));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        fetchRootTenTimes(client, world);

        assertThat(world.counters().totalRequests()).isEqualTo(10);
        assertThat(world.counters().http2Requests()).isEqualTo(10);
        assertThat(world.counters().connectionsOpened()).isEqualTo(1);
        world.counters().reset();
        assertThat(world.counters().connectionsOpened()).isZero();
        TestWorlds.await(client.close());
        TestWorlds.await(world.close());
    }

    @Test
    void tenHttp11RequestsFromAPoolOfTwoAreAtMostTwoConnections(Vertx vertx) {
        FakeWorld world = TestWorlds.start(vertx, WorldConfig.of(3, SiteSpec.named("m").withPages(10, 2)));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(2));
        fetchRootTenTimes(client, world);

        assertThat(world.counters().totalRequests()).isEqualTo(10);
        assertThat(world.counters().http2Requests()).isZero();
        assertThat(world.counters().connectionsOpened()).isBetween(1L, 2L);
        TestWorlds.await(client.close());
        TestWorlds.await(world.close());
    }

    private static void fetchRootTenTimes(HttpClient client, FakeWorld world) {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(client.request(HttpMethod.GET, world.seedUrls().get(0).replaceAll(".*:(\\d+)/.*", "$1")
                            .transform(Integer::parseInt), "127.0.0.1", "/")
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode())));
        }
        assertThat(TestWorlds.await(Future.all(answers)).<Integer>list()).containsOnly(200);
    }
}
