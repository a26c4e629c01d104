package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.testkit.TestConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Servers that misbehave at the HTTP level, crawled for real in every available mode: each seed must end in one
 * record that says what went wrong, and the crawl must finish.
 */
class BadInputServersTest extends BadInputCrawlTest {
    private static final int CAP = 1 << 20;
    private static Buffer bomb;

    /** 100 MB of zeros, gzipped to about 100 KB, built once without holding the 100 MB. */
    @BeforeAll
    static void buildBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (int i = 0; i < 100; i++) {
                gzip.write(zeros);
            }
        }
        bomb = Buffer.buffer(out.toByteArray());
    }

    static void assumeAvailable(Mode mode) {
        assumeTrue(ModeVerticles.unavailableReason(mode).isEmpty(),
                () -> ModeVerticles.unavailableReason(mode).orElseThrow());
    }

    private TestCrawl crawl(Mode mode, String seed, UnaryOperator<TestConfig> more) {
        assumeAvailable(mode);
        return TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 8, dir, List.of(seed),
                more));
    }

    private static CrawlRecord only(TestCrawl crawl) {
        assertThat(crawl.records()).hasSize(1);
        return crawl.records().get(0);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void garbageInsteadOfHttpFailsAsProtocolAfterTheRetries(Mode mode) {
        String base = sites.raw(socket -> socket.write("SSH-2.0-OpenSSH_9.6 not http at all\r\n\r\n")
                .onComplete(ar -> socket.close()));
        CrawlRecord r = only(crawl(mode, base + "/", c -> c));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("protocol");
        assertThat(r.attempts()).isEqualTo(4);
        assertThat(r.status()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBodyOverTheCapIsFetchedTruncatedAtExactlyTheCap(Mode mode) {
        String page = "<html><head><title>Big</title></head><body>" + "x".repeat(300_000) + "</body></html>";
        BadInputSites.Site site = sites.http(request -> route(request, "/", page));
        CrawlRecord r = only(crawl(mode, site.url("/"), c -> BadInputLinksTest.patient(c).maxBodyBytes(100_000)));
        assertThat(r.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(r.truncated()).isTrue();
        assertThat(r.bytes()).isEqualTo(100_000);
        assertThat(r.title()).isEqualTo("Big");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aGzipBombIsInflatedOnlyUpToTheCap(Mode mode) {
        BadInputSites.Site site = sites.http(request -> {
            if (request.path().equals("/")) {
                request.response().putHeader("Content-Type", "text/html").putHeader("Content-Encoding", "gzip").end(bomb);
            } else {
                BadInputSites.notFound(request);
            }
        });
        CrawlRecord r = only(crawl(mode, site.url("/"), c -> BadInputLinksTest.patient(c).maxBodyBytes(CAP)));
        assertThat(r.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(r.truncated()).isTrue();
        assertThat(r.bytes()).isEqualTo(CAP);
        assertThat(site.requests("/")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aServerThatHangsAfterTheHeadersFailsOnTheTotalTimeout(Mode mode) {
        String base = sites.raw(socket -> socket.write(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><title>t"));
        CrawlRecord r = only(crawl(mode, base + "/", c -> c.timeouts(500, 300, 700).retries(1, 1, 5)));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("timeout_total");
        assertThat(r.attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSeedOnAPortNobodyListensOnFailsAsRefused(Mode mode) {
        CrawlRecord r = only(crawl(mode, "http://127.0.0.1:" + sites.closedPort() + "/", c -> c));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("refused");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withoutRobotsASeedOnAPortNobodyListensOnFailsAsRefused(Mode mode) {
        CrawlRecord r = only(crawl(mode, "http://127.0.0.1:" + sites.closedPort() + "/", c -> c.obeyRobots(false)));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("refused");
        assertThat(r.attempts()).isEqualTo(4);
    }

    /**
     * An in-scope link to a host in the reserved .invalid domain, with allowRemote on: the fetchers' guard answers
     * unknown_host at once, without a DNS query. Obeying robots, its robots.txt fails that way (no answer: nothing to
     * obey), then the page itself fails, once (unknown_host is not retried); the same without robots.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void anInScopeInvalidHostIsNeverResolved(Mode mode) {
        BadInputSites.Site site = sites.http(request ->
                route(request, "/", "<title>home</title><a href=\"http://nonexistent.invalid/page\">x</a>"));
        UnaryOperator<TestConfig> remote = c -> c.allowRemote(true).include("^http://nonexistent\\.invalid/");
        TestCrawl obeying = crawl(mode, site.url("/"), remote);
        assertThat(obeying.byUrl().get("http://nonexistent.invalid/page"))
                .extracting(CrawlRecord::outcome, CrawlRecord::reason).containsExactly(Outcome.FAILED, "unknown_host");

        TestCrawl ignoring = crawl(mode, site.url("/"), c -> remote.apply(c).obeyRobots(false));
        assertThat(ignoring.byUrl().get("http://nonexistent.invalid/page"))
                .extracting(CrawlRecord::outcome, CrawlRecord::reason, CrawlRecord::attempts)
                .containsExactly(Outcome.FAILED, "unknown_host", 1);
    }

    private static void route(HttpServerRequest request, String path, String html) {
        if (request.path().equals(path)) {
            BadInputSites.html(request, html);
        } else {
            BadInputSites.notFound(request);
        }
    }
}
