package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.sites.config.ContentCoding;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One contract, two fetchers: every scenario must give the same result from the blocking and the async fetcher. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FetcherContractTest {

    static final FetchLimits LIMITS = new FetchLimits(1_000, 800, 1_500, 64 << 10, 8 << 10,
            FetchLimits.DEFAULT_USER_AGENT, false);

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    private Vertx vertx;
    private ScenarioServers servers;
    private final Map<FetcherUnderTest, FetcherUnderTest.Running> fetchers = new EnumMap<>(FetcherUnderTest.class);

    @BeforeAll
    void startServers() throws Exception {
        vertx = kit.vertx();
        servers = ScenarioServers.start(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        for (FetcherUnderTest kind : FetcherUnderTest.values()) {
            fetchers.put(kind, kind.start(vertx, LIMITS));
            fetchers.get(kind).fetch(new FetchTask(0, servers.url("/page.html"), 0, 1, 0, FetchTask.Kind.PAGE));
        }
    }

    /** The servers close with the extension's Vert.x; the blocking fetcher's JDK client is not Vert.x's. */
    @AfterAll
    void stopFetchers() throws Exception {
        for (FetcherUnderTest.Running running : fetchers.values()) {
            running.close();
        }
    }

    private FetchResult page(FetcherUnderTest kind, String url) throws Exception {
        return fetchers.get(kind).fetch(new FetchTask(1, url, 0, 1, 0, FetchTask.Kind.PAGE));
    }

    private FetchResult robots(FetcherUnderTest kind, String url) throws Exception {
        return fetchers.get(kind).fetch(new FetchTask(1, url, 0, 1, 0, FetchTask.Kind.ROBOTS));
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void htmlPageIsReadWithTypeAndCharset(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/page.html"));
        assertThat(r.error()).isNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/html");
        assertThat(r.charset()).isEqualTo("ISO-8859-1");
        assertThat(r.body()).isEqualTo(HttpScenarios.PAGE.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.bytes()).isEqualTo(r.body().length);
        assertThat(r.truncated()).isFalse();
        assertThat(r.location()).isNull();
        assertThat(r.retryAfterMs()).isEqualTo(-1);
        assertThat(r.fetchMillis()).isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void xhtmlCountsAsHtml(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/xhtml"));
        assertThat(r.isHtml()).isTrue();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(HttpScenarios.PAGE);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void nonHtmlBodyIsNotReadEvenWhenEndless(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/image.png"));
        assertThat(r.error()).isNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("image/png");
        assertThat(r.body()).isEmpty();
        assertThat(r.bytes()).isZero();
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void redirectIsReportedNotFollowed(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/redirect"));
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.location()).isEqualTo("../target?x=1");
        assertThat(r.isRedirect()).isTrue();
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void notFoundIsAStatusNotAnError(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/missing"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).isNull();
        assertThat(r.location()).isNull();
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void retryAfterSeconds(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/busy"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.retryAfterMs()).isEqualTo(120_000);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void retryAfterHttpDate(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/busy-date"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.retryAfterMs()).isBetween(60_000L, 3_600_000L);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void bodyIsCutAtTheCap(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/big.html"));
        assertThat(r.error()).isNull();
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize(LIMITS.maxBodyBytes()).containsOnly((byte) 'x');
        assertThat(r.bytes()).isEqualTo(LIMITS.maxBodyBytes());
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void bodyOfExactlyTheCapIsNotTruncated(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/exact.html"));
        assertThat(r.truncated()).isFalse();
        assertThat(r.body()).hasSize(LIMITS.maxBodyBytes());
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void gzipBodyIsInflated(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/gzip.html"));
        assertThat(r.truncated()).isFalse();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(HttpScenarios.PAGE);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void gzipBombIsInflatedOnlyUpToTheCap(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/bomb.html"));
        assertThat(r.error()).isNull();
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize(LIMITS.maxBodyBytes()).containsOnly((byte) 0);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void everyDecodedCodingIsAskedFor(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/accept-encoding"));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("gzip, deflate, br, zstd");
    }

    @ParameterizedTest
    @CsvSource({"BLOCKING, GZIP", "BLOCKING, DEFLATE", "BLOCKING, BR", "BLOCKING, ZSTD",
                "ASYNC, GZIP", "ASYNC, DEFLATE", "ASYNC, BR", "ASYNC, ZSTD"})
    void eachCodingIsDecoded(FetcherUnderTest kind, ContentCoding coding) throws Exception {
        FetchResult r = page(kind, servers.url("/coded/" + coding.token() + ".html"));
        assertThat(r.error()).isNull();
        assertThat(r.truncated()).isFalse();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(HttpScenarios.PAGE);
    }

    @ParameterizedTest
    @CsvSource({"BLOCKING, GZIP", "BLOCKING, DEFLATE", "BLOCKING, BR", "BLOCKING, ZSTD",
                "ASYNC, GZIP", "ASYNC, DEFLATE", "ASYNC, BR", "ASYNC, ZSTD"})
    void aBombOfEachCodingIsDecodedOnlyUpToTheCap(FetcherUnderTest kind, ContentCoding coding) throws Exception {
        FetchResult r = page(kind, servers.url("/bomb/" + coding.token() + ".html"));
        assertThat(r.error()).isNull();
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize(LIMITS.maxBodyBytes()).containsOnly((byte) 0);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void aBodyNotInItsNamedCodingIsKeptAsItCameAndMarkedTruncated(FetcherUnderTest kind) throws Exception {
        FetchResult r = page(kind, servers.url("/wrong-br.html"));
        assertThat(r.error()).isNull();
        assertThat(r.truncated()).isTrue();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(HttpScenarios.PAGE);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void slowFirstByteTimesOut(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.url("/slow-head")), ErrorKind.TIMEOUT_FIRST_BYTE);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void slowBodyHitsTheTotalTimeout(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.url("/slow-body")), ErrorKind.TIMEOUT_TOTAL);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void contentLengthLieIsATruncatedBody(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.url("/lie")), ErrorKind.TRUNCATED_BODY);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void chunkedBodyCutShortIsATruncatedBody(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.rawUrl("/cut-chunk")), ErrorKind.TRUNCATED_BODY);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void connectionResetIsReset(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.resetUrl()), ErrorKind.RESET);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void garbageIsAProtocolError(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.rawUrl("/garbage")), ErrorKind.PROTOCOL);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void malformedChunkIsAProtocolError(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.rawUrl("/bad-chunk")), ErrorKind.PROTOCOL);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void emptyResponseIsAProtocolError(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.rawUrl("/empty")), ErrorKind.PROTOCOL);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void closedPortIsRefused(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, servers.refusedUrl()), ErrorKind.REFUSED);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void nonLoopbackHostIsNotAllowed(FetcherUnderTest kind) throws Exception {
        assertError(page(kind, "http://10.255.255.1/"), ErrorKind.NOT_ALLOWED);
        assertError(page(kind, "http://example.com/"), ErrorKind.NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void robotsTaskReadsPlainText(FetcherUnderTest kind) throws Exception {
        FetchResult r = robots(kind, servers.url("/robots.txt"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/plain");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(HttpScenarios.ROBOTS);
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void robotsBodyIsCutAtTheRobotsCap(FetcherUnderTest kind) throws Exception {
        FetchResult r = robots(kind, servers.url("/big-robots.txt"));
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize(LIMITS.maxRobotsBytes());
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void robotsErrorBodyIsNotRead(FetcherUnderTest kind) throws Exception {
        FetchResult r = robots(kind, servers.url("/missing"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FetcherUnderTest.class)
    void connectionIsReusableAfterEveryKindOfAnswer(FetcherUnderTest kind) throws Exception {
        for (String path : new String[] {"/image.png", "/redirect", "/big.html", "/missing", "/page.html"}) {
            page(kind, servers.url(path));
        }
        assertThat(page(kind, servers.url("/page.html")).status()).isEqualTo(200);
    }

    private static void assertError(FetchResult r, ErrorKind expected) {
        assertThat(r.error()).isEqualTo(expected);
        assertThat(r.status()).isZero();
        assertThat(r.body()).isEmpty();
        assertThat(r.fetchMillis()).isGreaterThanOrEqualTo(0);
    }
}
