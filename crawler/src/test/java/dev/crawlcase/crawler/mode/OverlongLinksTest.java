package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link longer than the crawler fetches (over {@link UrlNormalizer#MAX_LENGTH}) does not vanish: it gets one
 * {@code skipped} record with reason {@code url_too_long} at its depth, is never requested, and a link found twice
 * (on two pages) is recorded once, in every mode.
 */
class OverlongLinksTest extends BadInputCrawlTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anOverlongLinkIsRecordedAsTooLongAndNeverRequested(Mode mode) {
        BadInputServersTest.assumeAvailable(mode);
        String longPath = "/long/" + "x".repeat(UrlNormalizer.MAX_LENGTH);
        String longer = "/long/" + "y".repeat(3 * UrlNormalizer.MAX_LENGTH);
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/" -> BadInputSites.html(request, "<title>home</title><a href=\"" + longPath + "\">a</a>"
                        + "<a href=\"/b\">b</a>");
                case "/b" -> BadInputSites.html(request, "<title>b</title><a href=\"" + longPath + "\">a</a>"
                        + "<a href=\"" + longer + "?q=1\">c</a>");
                default -> BadInputSites.notFound(request);
            }
        });
        TestCrawl crawl = TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 4, dir,
                List.of(site.url("/")), BadInputLinksTest::patient));

        Map<String, CrawlRecord> byUrl = crawl.byUrl();
        assertThat(byUrl).containsOnlyKeys(site.url("/"), site.url("/b"), site.url(longPath),
                site.url(longer + "?q=1"));
        assertThat(crawl.records()).hasSize(4);
        assertThat(byUrl.get(site.url(longPath))).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(r.reason()).isEqualTo("url_too_long");
            assertThat(r.depth()).isEqualTo(1);
        });
        assertThat(byUrl.get(site.url(longer + "?q=1"))).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(r.reason()).isEqualTo("url_too_long");
            assertThat(r.depth()).isEqualTo(2);
        });
        assertThat(byUrl.get(site.url("/")).links()).isEqualTo(2);
        assertThat(site.totalRequests()).isEqualTo(2 + site.requests("/robots.txt"));
    }
}
