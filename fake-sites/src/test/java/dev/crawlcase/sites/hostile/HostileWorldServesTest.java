package dev.crawlcase.sites.hostile;

import dev.crawlcase.sites.RawHttp;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hostile world serves the bytes its cases say, and states a record for every URL a crawl can reach. */
@ExtendWith(VertxExtension.class)
class HostileWorldServesTest {
    private static HostileWorld world;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        world = HostileWorld.start(vertx).toCompletionStage().toCompletableFuture().get();
    }

    @AfterAll
    static void stop() throws Exception {
        world.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void everyCaseHasItsOwnServerAndItsRootPageIsExpected() {
        Map<String, String> bases = world.bases();
        assertThat(bases).hasSize(HostileCases.all().size());
        assertThat(bases.values()).doesNotHaveDuplicates();
        assertThat(world.seeds()).allSatisfy(seed -> assertThat(world.expected()).containsKey(seed));
        assertThat(world.expected()).hasSize(HostileCases.all().size() + 2 + 1 + 1 + 1 + 1
                + HostileCases.HUGE_PAGE_LINKS);
    }

    @Test
    void framingCasesSendTheirBytesAsTheyAre() {
        RawHttp.Exchange e = RawHttp.get(world.bases().get("content-length-and-chunked") + "/", 5_000);
        assertThat(e.head()).contains("Content-Length: 3", "Transfer-Encoding: chunked");
        assertThat(RawHttp.get(world.bases().get("http-0.9") + "/", 5_000).text()).startsWith("<html>");
    }

    @Test
    void robotsRedirectsGoOnWithoutEndAndUnknownPathsAre404() {
        String base = world.bases().get("robots-redirect-chain");
        assertThat(RawHttp.get(base + "/robots.txt", 5_000).header("Location")).isEqualTo("/r/1");
        assertThat(RawHttp.get(base + "/r/41", 5_000).header("Location")).isEqualTo("/r/42");
        assertThat(RawHttp.get(base + "/nothing", 5_000).status()).isEqualTo(404);
        assertThat(world.requests("robots-redirect-chain", "/r/41")).isEqualTo(1);
    }

    @Test
    void userinfoLinksCarryTheSecretThatNoRecordMayHold() {
        String base = world.bases().get("userinfo-links");
        assertThat(RawHttp.get(base + "/", 5_000).text()).contains("admin:" + HostileCases.SECRET + "@");
    }
}
