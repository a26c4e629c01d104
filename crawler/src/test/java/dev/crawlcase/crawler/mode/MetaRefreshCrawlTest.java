package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.List;
import java.util.Map;
import static dev.crawlcase.crawler.mode.PageDirectivesTest.html;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta refresh in every mode: a page whose {@code <meta http-equiv=refresh>} names another URL is recorded as a
 * redirect to it ("meta_refresh"), its target is fetched one hop deeper, its own links are not followed, and a chain
 * of refreshes stops at maxRedirects like a chain of 3xx.
 */
class MetaRefreshCrawlTest extends BadInputCrawlTest {

    private BadInputSites.Site site() {
        return sites.http(request -> {
            switch (request.path()) {
                case "/" -> html(request, "<meta http-equiv=refresh content='0; url=/r1'><a href=/linked>x</a>");
                case "/r1" -> html(request, "<meta http-equiv=REFRESH content=\"0;URL='/r2'\">");
                case "/r2" -> html(request, "<meta http-equiv=refresh content='0; url=/end'>");
                case "/end", "/linked" -> html(request, "<title>end</title>");
                default -> BadInputSites.notFound(request);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRefreshIsARedirectCountedAgainstMaxRedirects(Mode mode) {
        BadInputServersTest.assumeAvailable(mode);
        BadInputSites.Site site = site();
        TestCrawl crawl = TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 8, dir,
                List.of(site.url("/")), c -> c.maxRedirects(2).timeouts(5_000, 2_500, 10_000)));
        // (timeouts for a loaded machine: a robots.txt cut off at the quick 400 ms skips every page, not the subject)

        Map<String, CrawlRecord> byUrl = crawl.byUrl();
        assertThat(byUrl.get(site.url("/"))).satisfies(r -> {
            assertThat(r.outcome()).as("%s", r).isEqualTo(Outcome.REDIRECTED);
            assertThat(r.reason()).isEqualTo("meta_refresh");
            assertThat(r.finalUrl()).isEqualTo(site.url("/r1"));
        });
        assertThat(byUrl.get(site.url("/r1"))).extracting(CrawlRecord::outcome, CrawlRecord::reason)
                .containsExactly(Outcome.REDIRECTED, "meta_refresh");
        assertThat(byUrl.get(site.url("/r2"))).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.reason()).isEqualTo("too_many_redirects");
            assertThat(r.finalUrl()).isEqualTo(site.url("/end"));
        });
        assertThat(site.requests("/end") + site.requests("/linked")).isZero();
        assertThat(byUrl).doesNotContainKeys(site.url("/end"), site.url("/linked"));
    }
}
