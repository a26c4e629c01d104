package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages and robots.txt files with broken content: the crawl reads what it can and goes on. */
class BadInputPagesTest extends BadInputCrawlTest {
    private static final String TITLE = "Caf\u00e9 \u00fcber \u4e2d";

    private TestCrawl crawl(Mode mode, List<String> seeds) {
        BadInputServersTest.assumeAvailable(mode);
        return TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 8, dir, seeds,
                BadInputLinksTest::patient));
    }

    private static void utf8(HttpServerRequest request, String contentType, String html) {
        request.response().putHeader("Content-Type", contentType).end(Buffer.buffer(html.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anUnknownOrIllegalCharsetFallsBackToUtf8AndThePageIsParsed(Mode mode) {
        String page = "<html><head><title>" + TITLE + "</title></head><body><a href=\"/ok\">ok</a></body></html>";
        String metaPage = "<html><head><meta charset=\"bogus-123\"><title>" + TITLE + "</title></head><body></body></html>";
        String httpEquiv = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=@@no such@@\">"
                + "<title>" + TITLE + "</title></head></html>";
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/header" -> utf8(request, "text/html; charset=bogus-123", page);
                case "/illegal-name" -> utf8(request, "text/html; charset=\"@@no such@@\"", page);
                case "/empty-name" -> utf8(request, "text/html; charset=", page);
                case "/meta" -> utf8(request, "text/html", metaPage);
                case "/http-equiv" -> utf8(request, "text/html", httpEquiv);
                case "/ok" -> utf8(request, "text/html", "<title>ok</title>");
                default -> BadInputSites.notFound(request);
            }
        });
        List<String> paths = List.of("/header", "/illegal-name", "/empty-name", "/meta", "/http-equiv");
        TestCrawl crawl = crawl(mode, paths.stream().map(site::url).toList());

        Map<String, CrawlRecord> byUrl = crawl.byUrl();
        for (String path : paths) {
            assertThat(byUrl.get(site.url(path))).as(path)
                    .extracting(CrawlRecord::outcome, CrawlRecord::title)
                    .containsExactly(Outcome.FETCHED, TITLE);
        }
        assertThat(byUrl.get(site.url("/header")).links()).isEqualTo(1);
        assertThat(byUrl.get(site.url("/ok")).outcome()).isEqualTo(Outcome.FETCHED);
    }

    /**
     * 5 MB of robots.txt: only the first 512 KB are read (and 500 KB of those parsed), so a Disallow near the top
     * holds and one at the end is never seen.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aHugeRobotsTxtIsReadOnlyUpToItsCapAndTheCrawlGoesOn(Mode mode) {
        StringBuilder robots = new StringBuilder("User-agent: *\nDisallow: /early/\n");
        while (robots.length() < 5 << 20) {
            robots.append("# filler line that no robots.txt needs, repeated until the file is five megabytes\n");
        }
        String robotsTxt = robots.append("Disallow: /late/\n").toString();
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/robots.txt" -> utf8(request, "text/plain", robotsTxt);
                case "/" -> utf8(request, "text/html",
                        "<title>home</title><a href=\"/early/x\">e</a><a href=\"/late/x\">l</a><a href=\"/ok\">o</a>");
                default -> utf8(request, "text/html", "<title>" + request.path() + "</title>");
            }
        });
        Map<String, CrawlRecord> byUrl = crawl(mode, List.of(site.url("/"))).byUrl();

        assertThat(byUrl.get(site.url("/early/x"))).extracting(CrawlRecord::outcome, CrawlRecord::reason)
                .containsExactly(Outcome.SKIPPED, "robots");
        assertThat(byUrl.get(site.url("/late/x")).outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(byUrl.get(site.url("/ok")).outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(site.requests("/robots.txt")).isEqualTo(1);
        assertThat(site.requests("/early/x")).isZero();
    }

    /** 64 KB of random bytes as robots.txt hold no rule crawler-commons can read: everything is allowed. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBinaryRobotsTxtAllowsEverythingAndTheCrawlGoesOn(Mode mode) {
        byte[] noise = new byte[64 << 10];
        new Random(42).nextBytes(noise);
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/robots.txt" -> request.response().putHeader("Content-Type", "application/octet-stream")
                        .end(Buffer.buffer(noise));
                case "/" -> utf8(request, "text/html", "<title>home</title><a href=\"/private/x\">p</a>");
                default -> utf8(request, "text/html", "<title>" + request.path() + "</title>");
            }
        });
        TestCrawl crawl = crawl(mode, List.of(site.url("/")));

        assertThat(crawl.records()).hasSize(2).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.FETCHED));
        assertThat(site.requests("/robots.txt")).isEqualTo(1);
    }
}
