package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.FaultKind;
import dev.crawlcase.sites.config.FaultSpec;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each fault as seen on the wire; transient faults end after maxFaultsPerUrl attempts. */
@ExtendWith(VertxExtension.class)
class FaultsTest {

    private static FakeWorld alwaysFaulty(Vertx vertx, FaultKind kind) {
        FaultSpec faults = FaultSpec.none().with(kind, 1.0).withMaxFaultsPerUrl(2).withRetryAfterSeconds(3);
        return TestWorlds.start(vertx, TestWorlds.oneSite(Distribution.fixed(0), faults));
    }

    @ParameterizedTest
    @EnumSource(value = FaultKind.class, names = "HANG", mode = EnumSource.Mode.EXCLUDE)
    void transientFaultHitsTheFirstAttemptsThenThePageIsServed(FaultKind kind, Vertx vertx) {
        FakeWorld world = alwaysFaulty(vertx, kind);
        String url = world.seedUrls().get(0) + "s1/p1.html";
        for (int attempt = 0; attempt < 2; attempt++) {
            RawHttp.Exchange faulty = RawHttp.get(url, 10_000);
            assertFault(kind, faulty);
        }
        RawHttp.Exchange ok = RawHttp.get(url, 10_000);
        assertThat(ok.error()).isNull();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).hasSize(Integer.parseInt(ok.header("Content-Length")));
        assertThat(world.counters().requests(url)).isEqualTo(3);
        assertThat(world.counters().okResponses(url)).isEqualTo(1);
        TestWorlds.await(world.close());
    }

    private static void assertFault(FaultKind kind, RawHttp.Exchange exchange) {
        switch (kind) {
            case STATUS_500 -> assertThat(exchange.status()).isEqualTo(500);
            case STATUS_503, STATUS_429 -> {
                assertThat(exchange.status()).isEqualTo(kind == FaultKind.STATUS_503 ? 503 : 429);
                assertThat(exchange.header("Retry-After")).isEqualTo("3");
            }
            case RESET -> {
                assertThat(exchange.error()).isInstanceOf(SocketException.class);
                assertThat(exchange.bytes()).isEmpty();
            }
            case EMPTY -> {
                assertThat(exchange.error()).isNull();
                assertThat(exchange.bytes()).isEmpty();
            }
            case TRUNCATED -> {
                assertThat(exchange.status()).isEqualTo(200);
                assertThat(exchange.body().length).isLessThan(Integer.parseInt(exchange.header("Content-Length")));
            }
            case MALFORMED_CHUNK -> {
                assertThat(exchange.header("Transfer-Encoding")).isEqualTo("chunked");
                assertThat(exchange.text()).contains("\r\nzz-not-a-chunk-size\r\n");
            }
            case HANG -> throw new AssertionError("not a transient wire fault");
        }
    }

    @Test
    void hangSendsNothingAndKeepsTheRequestInFlight(Vertx vertx) {
        FakeWorld world = alwaysFaulty(vertx, FaultKind.HANG);
        RawHttp.Exchange hung = RawHttp.get(world.seedUrls().get(0), 300);
        assertThat(hung.error()).isInstanceOf(SocketTimeoutException.class);
        assertThat(hung.bytes()).isEmpty();
        assertThat(world.counters().okResponses(world.seedUrls().get(0))).isZero();
        TestWorlds.await(world.close());
    }

    @Test
    void faultsAreAPureFunctionOfUrlAndAttempt(Vertx vertx) {
        FaultSpec faults = FaultSpec.none().with(FaultKind.STATUS_500, 0.5).withMaxFaultsPerUrl(3);
        FakeWorld world = TestWorlds.start(vertx, TestWorlds.oneSite(Distribution.fixed(0), faults));
        List<String> urls = world.groundTruth(CrawlRules.defaults()).requests().keySet().stream().limit(15).toList();
        List<Integer> first = urls.stream().map(u -> RawHttp.get(u, 5000).status()).toList();
        world.counters().reset();
        List<Integer> again = urls.stream().map(u -> RawHttp.get(u, 5000).status()).toList();
        assertThat(again).isEqualTo(first).contains(500);
        TestWorlds.await(world.close());
    }

    @Test
    void permanentPathsNeverSucceedAndRobotsNeverFaults(Vertx vertx) {
        FaultSpec faults = FaultSpec.none().with(FaultKind.STATUS_503, 1.0).withPermanentPaths(List.of("/s2/p2.html"));
        FakeWorld world = TestWorlds.start(vertx, TestWorlds.oneSite(Distribution.fixed(0), faults));
        String base = world.seedUrls().get(0);
        for (int i = 0; i < 5; i++) {
            assertThat(RawHttp.get(base + "s2/p2.html", 5000).status()).isEqualTo(500);
            assertThat(RawHttp.get(base + "robots.txt", 5000).status()).isEqualTo(200);
        }
        assertThat(world.groundTruth(CrawlRules.defaults()).requests().get(base + "s2/p2.html").kind())
                .isEqualTo(GroundTruth.Kind.FAULTY);
        TestWorlds.await(world.close());
    }
}
