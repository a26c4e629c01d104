package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page directives in every mode: a page whose {@code <meta name=robots>} or {@code X-Robots-Tag} says nofollow (or
 * none) offers no links and its record says why; noindex is recorded and its links are followed; with
 * {@code robots.obeyPageDirectives} off every link is followed.
 */
class PageDirectivesTest extends BadInputCrawlTest {

    /** Answers with {@code html} as text/html (the other in-mode page tests share it). */
    static void html(HttpServerRequest request, String html) {
        request.response().putHeader("Content-Type", "text/html").end(html);
    }

    private BadInputSites.Site site() {
        return sites.http(request -> {
            switch (request.path()) {
                case "/" -> html(request, "<a href=/meta-nofollow>1</a><a href=/header-none>2</a><a href=/noindex>3</a>");
                case "/meta-nofollow" -> html(request,
                        "<meta name=robots content='NOFOLLOW'><a href=/behind-meta>x</a>");
                case "/header-none" -> {
                    request.response().putHeader("X-Robots-Tag", "none");
                    html(request, "<a href=/behind-header>x</a>");
                }
                case "/noindex" -> html(request, "<meta name=robots content=noindex><a href=/behind-noindex>x</a>");
                case "/behind-meta", "/behind-header", "/behind-noindex" -> html(request, "<title>leaf</title>");
                default -> BadInputSites.notFound(request);
            }
        });
    }

    private TestCrawl crawl(Mode mode, BadInputSites.Site site, boolean obey) {
        BadInputServersTest.assumeAvailable(mode);
        return TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 8, dir,
                List.of(site.url("/")), c -> c.obeyPageDirectives(obey)));
    }

    private static Map<String, String> fetched(TestCrawl crawl, BadInputSites.Site site) {
        return crawl.records().stream().filter(r -> r.outcome() == Outcome.FETCHED).collect(Collectors.toMap(
                r -> r.url().substring(site.base().length()), r -> String.valueOf(r.robots())));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aNofollowPageOffersNoLinksAndNoindexIsRecorded(Mode mode) {
        BadInputSites.Site site = site();
        TestCrawl crawl = crawl(mode, site, true);

        assertThat(fetched(crawl, site)).isEqualTo(Map.of("/", "null", "/meta-nofollow", "nofollow",
                "/header-none", "none", "/noindex", "noindex", "/behind-noindex", "null"));
        assertThat(crawl.byUrl().get(site.url("/meta-nofollow"))).extracting(CrawlRecord::links).isEqualTo(0);
        assertThat(site.requests("/behind-meta") + site.requests("/behind-header")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withDirectivesIgnoredEveryLinkIsFollowed(Mode mode) {
        BadInputSites.Site site = site();
        TestCrawl crawl = crawl(mode, site, false);

        assertThat(fetched(crawl, site).keySet()).containsExactlyInAnyOrder("/", "/meta-nofollow", "/header-none",
                "/noindex", "/behind-meta", "/behind-header", "/behind-noindex");
        assertThat(crawl.byUrl().get(site.url("/meta-nofollow")).robots()).isEqualTo("nofollow");
    }
}
