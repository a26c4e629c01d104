package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.testkit.TestConfig;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Link and redirect graphs built to trip a crawler up: loops, long chains, huge and self-referencing link lists, and
 * redirects out of scope. Every URL must end in exactly one record, and nothing out of scope is ever requested.
 */
class BadInputLinksTest extends BadInputCrawlTest {
    /**
     * Timeouts no loopback answer comes near, even from a cold JVM, so counting requests stays exact (a first-byte
     * timeout would retry).
     */
    static TestConfig patient(TestConfig config) {
        return config.timeouts(2_000, 10_000, 20_000);
    }

    private TestCrawl crawl(Mode mode, List<String> seeds, UnaryOperator<TestConfig> more) {
        BadInputServersTest.assumeAvailable(mode);
        return TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 16, dir, seeds,
                c -> more.apply(patient(c))));
    }

    private static void redirect(HttpServerRequest request, String location) {
        request.response().setStatusCode(302).putHeader("Location", location).end();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRedirectLoopAndALongChainGiveOneRecordPerUrlAndStopAtMaxRedirects(Mode mode) {
        BadInputSites.Site site = sites.http(request -> {
            String path = request.path();
            if (path.equals("/a")) {
                redirect(request, "/b");
            } else if (path.equals("/b")) {
                redirect(request, "a");
            } else if (path.matches("/r\\d+") && Integer.parseInt(path.substring(2)) < 20) {
                redirect(request, "/r" + (Integer.parseInt(path.substring(2)) + 1));
            } else if (path.equals("/r20")) {
                BadInputSites.html(request, "<title>end</title>");
            } else {
                BadInputSites.notFound(request);
            }
        });
        TestCrawl crawl = crawl(mode, List.of(site.url("/a"), site.url("/r0")), c -> c.maxRedirects(5));

        assertThat(crawl.records()).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        Map<String, CrawlRecord> byUrl = crawl.byUrl();
        assertThat(byUrl.get(site.url("/a")).finalUrl()).isEqualTo(site.url("/b"));
        assertThat(byUrl.get(site.url("/b")).finalUrl()).isEqualTo(site.url("/a"));
        assertThat(byUrl.get(site.url("/a")).outcome()).isEqualTo(Outcome.REDIRECTED);
        assertThat(byUrl.get(site.url("/b")).outcome()).isEqualTo(Outcome.REDIRECTED);
        for (int i = 0; i < 5; i++) {
            assertThat(byUrl.get(site.url("/r" + i)).outcome()).isEqualTo(Outcome.REDIRECTED);
        }
        CrawlRecord last = byUrl.get(site.url("/r5"));
        assertThat(last.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(last.reason()).isEqualTo("too_many_redirects");
        assertThat(last.finalUrl()).isEqualTo(site.url("/r6"));
        assertThat(crawl.records()).hasSize(2 + 6);
        assertThat(site.requests("/a")).isEqualTo(1);
        assertThat(site.requests("/b")).isEqualTo(1);
        assertThat(site.requests("/r6")).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ASYNC", "THREAD_POOL", "VIRTUAL"})
    void tenThousandLinksAndAThousandSelfLinksGiveOneRecordPerUrl(Mode mode) {
        StringBuilder hub = new StringBuilder("<html><title>hub</title><body>");
        IntStream.range(0, 10_000).forEach(i -> hub.append("<a href=\"/p/").append(i).append("\">").append(i).append("</a>\n"));
        StringBuilder self = new StringBuilder("<html><title>self</title><body>");
        String[] forms = {"/self", "self", "./self", "/self#top", "http://127.0.0.1:PORT/self", "/x/../self"};
        IntStream.range(0, 1_000).forEach(i -> self.append("<a href=\"").append(forms[i % forms.length]).append("\">s</a>"));
        String hubPage = hub.toString();
        BadInputSites.Site site = sites.http(request -> {
            String path = request.path();
            if (path.equals("/")) {
                BadInputSites.html(request, hubPage);
            } else if (path.equals("/self")) {
                BadInputSites.html(request, self.toString().replace("PORT", String.valueOf(request.localAddress().port())));
            } else if (path.startsWith("/p/")) {
                BadInputSites.html(request, "<title>" + path + "</title>");
            } else {
                BadInputSites.notFound(request);
            }
        });
        TestCrawl crawl = crawl(mode, List.of(site.url("/"), site.url("/self")), c -> c);

        assertThat(crawl.records()).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(crawl.records()).hasSize(10_002).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.FETCHED));
        assertThat(crawl.byUrl().get(site.url("/"))).extracting(CrawlRecord::links).isEqualTo(10_000);
        assertThat(site.requests("/self")).isEqualTo(1);
        assertThat(site.requests().entrySet()).filteredOn(e -> e.getKey().startsWith("/p/"))
                .hasSize(10_000).allSatisfy(e -> assertThat(e.getValue().get()).isEqualTo(1));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRedirectToAnOutOfScopeLoopbackPortIsSkippedAndNeverRequested(Mode mode) {
        BadInputSites.Site outside = sites.http(request -> BadInputSites.html(request, "<title>outside</title>"));
        BadInputSites.Site site = sites.http(request -> {
            if (request.path().equals("/go")) {
                redirect(request, outside.url("/x"));
            } else {
                BadInputSites.notFound(request);
            }
        });
        TestCrawl crawl = crawl(mode, List.of(site.url("/go")), c -> c);

        assertThat(crawl.byUrl().get(site.url("/go"))).extracting(CrawlRecord::outcome, CrawlRecord::finalUrl)
                .containsExactly(Outcome.REDIRECTED, outside.url("/x"));
        assertThat(crawl.byUrl().get(outside.url("/x"))).extracting(CrawlRecord::outcome, CrawlRecord::reason)
                .containsExactly(Outcome.SKIPPED, "scope");
        assertThat(crawl.records()).hasSize(2);
        assertThat(outside.totalRequests()).isZero();
    }
}
