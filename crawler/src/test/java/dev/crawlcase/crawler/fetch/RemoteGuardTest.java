package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote-crawl guard in both client families, with a stub resolver: no name is looked up and nothing leaves the
 * machine (every refused address is refused before a connection; the one allowed case is the loopback server).
 */
class RemoteGuardTest {
    private static final FetchLimits REMOTE = new FetchLimits(1_000, 2_000, 3_000, 64 << 10, 8 << 10,
            FetchLimits.DEFAULT_USER_AGENT, true);
    private static final Map<String, String> NAMES = Map.of(
            "intranet.test", "10.0.0.5", "office.test", "192.168.1.20", "metadata.test", "169.254.169.254",
            "rebind.test", "127.0.0.1", "multicast.test", "224.0.0.251", "v6-local.test", "fe80::1",
            "mapped.test", "::ffff:172.16.5.4", "void.test", "0.0.0.0");

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    private final List<String> lookedUp = new CopyOnWriteArrayList<>();
    private Vertx vertx;

    @BeforeEach
    void setUp() {
        vertx = kit.vertx();
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        lookedUp.add(host);
        String address = NAMES.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(address)};
    }

    private FetchResult fetch(FetcherUnderTest kind, FetchLimits limits, String url) throws Exception {
        try (FetcherUnderTest.Running fetcher = kind.start(vertx, limits, this::resolve)) {
            return fetcher.fetch(new FetchTask(1, url, 0, 1, 0, FetchTask.Kind.PAGE));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "BLOCKING, intranet.test", "BLOCKING, office.test", "BLOCKING, metadata.test", "BLOCKING, rebind.test",
        "BLOCKING, multicast.test", "BLOCKING, v6-local.test", "BLOCKING, mapped.test", "BLOCKING, void.test",
        "ASYNC, intranet.test", "ASYNC, office.test", "ASYNC, metadata.test", "ASYNC, rebind.test",
        "ASYNC, multicast.test", "ASYNC, v6-local.test", "ASYNC, mapped.test", "ASYNC, void.test"})
    void aNameThatResolvesToANonPublicAddressIsRefused(FetcherUnderTest kind, String host) throws Exception {
        FetchResult r = fetch(kind, REMOTE, "http://" + host + "/page.html");
        assertThat(r.error()).isEqualTo(ErrorKind.PRIVATE_ADDRESS);
        assertThat(lookedUp).containsExactly(host);
    }

    @ParameterizedTest
    @CsvSource({"BLOCKING, 10.9.8.7", "BLOCKING, 169.254.169.254", "BLOCKING, [fd00::1]", "BLOCKING, 192.0.2.10",
                "ASYNC, 10.9.8.7", "ASYNC, 169.254.169.254", "ASYNC, [fd00::1]", "ASYNC, 192.0.2.10"})
    void anAddressLiteralIsJudgedWithoutALookup(FetcherUnderTest kind, String host) throws Exception {
        FetchResult r = fetch(kind, REMOTE, "http://" + host + "/");
        assertThat(r.error()).isEqualTo(ErrorKind.PRIVATE_ADDRESS);
        assertThat(lookedUp).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void aNameThatDoesNotResolveIsAnUnknownHost(FetcherUnderTest kind) throws Exception {
        assertThat(fetch(kind, REMOTE, "http://nowhere.test/").error()).isEqualTo(ErrorKind.UNKNOWN_HOST);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void withoutAllowRemoteTheLoopbackRuleRefusesBeforeAnyLookup(FetcherUnderTest kind) throws Exception {
        FetchLimits local = new FetchLimits(1_000, 2_000, 3_000, 64 << 10, 8 << 10, FetchLimits.DEFAULT_USER_AGENT, false);
        assertThat(fetch(kind, local, "http://intranet.test/").error()).isEqualTo(ErrorKind.NOT_ALLOWED);
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void allowPrivateNetworksOpensThemAndTheAsyncClientConnectsToTheAddressItJudged() throws Exception {
        var server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")).requestHandler(req -> req.response()
                        .putHeader("Content-Type", "text/html").end("host=" + req.authority().host()))
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        FetchResult r = fetch(FetcherUnderTest.ASYNC, REMOTE.withPrivateNetworks(true),
                "http://rebind.test:" + server.actualPort() + "/");
        assertThat(r.error()).isNull();
        // the request went to the judged 127.0.0.1 and still names the URL's host
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("host=rebind.test");
        assertThat(lookedUp).containsExactly("rebind.test");
    }
}
