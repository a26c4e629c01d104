package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.model.Paths;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the sites serve: every kind of link, robots.txt, redirects, resources, charsets, the trap. */
@ExtendWith(VertxExtension.class)
class ServedSiteTest {
    private static FakeWorld world;
    private static ServedCrawl crawl;
    private static String alpha;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        world = TestWorlds.start(vertx, TestWorlds.threeSites(5));
        alpha = world.baseUrls().get("alpha");
        crawl = new ServedCrawl(world.baseUrls(), CrawlRules.defaults().withObeyRobots(false)).run();
    }

    @AfterAll
    static void stop() {
        TestWorlds.await(world.close());
    }

    @Test
    void pagesContainEveryKindOfLink() {
        String port = alpha.substring("http://127.0.0.1:".length(), alpha.length() - 1);
        List<String> hrefs = crawl.hrefs;
        assertThat(hrefs).anyMatch(h -> h.startsWith("http://127.0.0.1:"))
                .anyMatch(h -> h.startsWith("HTTP://127.0.0.1:"))
                .anyMatch(h -> h.startsWith("//127.0.0.1:"))
                .anyMatch(h -> h.startsWith("/s"))
                .anyMatch(h -> h.matches("s\\d/p\\d+\\.html"))
                .anyMatch(h -> h.startsWith("../"))
                .anyMatch(h -> h.contains(".html#part-2"))
                .anyMatch(h -> h.equals("#top"))
                .anyMatch(String::isEmpty)
                .anyMatch(h -> h.startsWith("?page="))
                .anyMatch(h -> h.endsWith("/list?sort=asc&page=2"))
                .anyMatch(h -> h.endsWith("/list?page=2&sort=asc&sort=asc"))
                .anyMatch(h -> h.matches("/s\\d/%70\\d+\\.html"))
                .anyMatch(h -> h.startsWith("mailto:"))
                .anyMatch(h -> h.startsWith("javascript:"))
                .anyMatch(h -> h.startsWith("tel:"))
                .anyMatch(h -> h.startsWith("data:"))
                .anyMatch(h -> h.startsWith("http://x.invalid/"))
                .anyMatch(h -> h.startsWith("/private/"))
                .anyMatch(h -> h.startsWith("http://127.0.0.1:") && !h.contains(":" + port + "/"));
        Document root = crawl.documents.get(alpha);
        assertThat(root.select("area[href]")).isNotEmpty();
        assertThat(root.select("a[rel=nofollow]")).isNotEmpty();
        assertThat(root.select("link[rel=canonical]").attr("href")).isEqualTo(alpha + "index.html");
        assertThat(crawl.documents.values()).anyMatch(d -> !d.select("base[href]").isEmpty());
        assertThat(crawl.requested).doesNotContainKey(alpha + "index.html");
    }

    @Test
    void robotsTxtDisallowsThePrivateSectionWithACrawlDelayOnBeta() {
        String beta = world.baseUrls().get("beta");
        assertThat(new String(RawHttp.get(alpha + "robots.txt", 5000).body(), StandardCharsets.UTF_8))
                .isEqualTo("User-agent: *\nDisallow: /private/\n");
        assertThat(new String(RawHttp.get(beta + "robots.txt", 5000).body(), StandardCharsets.UTF_8))
                .isEqualTo("User-agent: *\nDisallow: /private/\nDisallow: /s2/p5.html\nCrawl-delay: 0.1\n");
        GroundTruth obeying = world.groundTruth(CrawlRules.defaults());
        GroundTruth ignoring = world.groundTruth(CrawlRules.defaults().withObeyRobots(false));
        assertThat(obeying.urls()).noneMatch(u -> u.contains("/private/")).doesNotContain(alpha + "orphan.html");
        assertThat(ignoring.urls()).contains(alpha + "private/p1.html", alpha + "private/p3.html", alpha + "orphan.html");
    }

    @Test
    void redirectsOfEveryStatusAChainALoopAndOneToAnotherSite() {
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            RawHttp.Exchange r = RawHttp.get(alpha + "r/" + status, 5000);
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.header("Location")).matches(status == 302 ? "/s\\d/p\\d+\\.html" : "http://127\\.0\\.0\\.1:\\d+/s\\d/p\\d+\\.html");
        }
        for (int i = 1; i < Paths.CHAIN_LENGTH; i++) {
            String location = RawHttp.get(alpha + "r/chain/" + i, 5000).header("Location");
            assertThat(location).endsWith("/r/chain/" + (i + 1));
        }
        assertThat(RawHttp.get(alpha + "r/chain/5", 5000).header("Location")).matches(".*/s\\d/p\\d+\\.html");
        assertThat(RawHttp.get(alpha + "r/loop/a", 5000).header("Location")).isEqualTo(alpha + "r/loop/b");
        assertThat(RawHttp.get(alpha + "r/loop/b", 5000).header("Location")).isEqualTo("/r/loop/a");
        String away = RawHttp.get(alpha + "r/away", 5000).header("Location");
        assertThat(away).doesNotStartWith(alpha).startsWith("http://127.0.0.1:");
        assertThat(world.baseUrls().values()).anyMatch(away::startsWith);

        GroundTruth truth = world.groundTruth(CrawlRules.defaults());
        assertThat(truth.requests().get(alpha + "r/loop/a").kind()).isEqualTo(GroundTruth.Kind.REDIRECT);
        assertThat(truth.requests().get(alpha + "r/chain/5").depth()).isEqualTo(5);
        assertThat(world.groundTruth(CrawlRules.defaults().withMaxRedirects(3)).requests())
                .containsKey(alpha + "r/chain/4").doesNotContainKey(alpha + "r/chain/5");
    }

    @Test
    void nonHtmlResourcesMissingPagesAndTheLargePage() {
        assertThat(RawHttp.get(alpha + "static/logo.png", 5000).header("Content-Type")).isEqualTo("image/png");
        assertThat(RawHttp.get(alpha + "static/guide.pdf", 5000).header("Content-Type")).isEqualTo("application/pdf");
        assertThat(RawHttp.get(alpha + "static/site.css", 5000).header("Content-Type")).startsWith("text/css");
        assertThat(RawHttp.get(alpha + "missing/1.html", 5000).status()).isEqualTo(404);
        RawHttp.Exchange big = RawHttp.get(alpha + "big.html", 5000);
        assertThat(big.body().length).isGreaterThan(300_000);
        String head = new String(big.body(), 0, 4000, StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(head, alpha).select("a[href]")).hasSizeGreaterThanOrEqualTo(4);
        Map<String, GroundTruth.Request> requests = world.groundTruth(CrawlRules.defaults()).requests();
        assertThat(requests.get(alpha + "static/logo.png").kind()).isEqualTo(GroundTruth.Kind.RESOURCE);
        assertThat(requests.get(alpha + "missing/1.html").kind()).isEqualTo(GroundTruth.Kind.MISSING);
        assertThat(requests.get(alpha + "big.html").bodyBytes()).isEqualTo(big.body().length);
    }

    @Test
    void charsetsAndBrokenMarkupStillParse() {
        RawHttp.Exchange latin1 = RawHttp.get(alpha + "latin1.html", 5000);
        assertThat(latin1.header("Content-Type")).isEqualTo("text/html; charset=ISO-8859-1");
        assertThat(crawl.documents.get(alpha + "latin1.html").title()).isEqualTo("Café crème, Größe & Señor");
        RawHttp.Exchange cp1252 = RawHttp.get(alpha + "cp1252.html", 5000);
        assertThat(cp1252.header("Content-Type")).isEqualTo("text/html");
        assertThat(cp1252.body()).contains((byte) 0x80);
        assertThat(crawl.documents.get(alpha + "cp1252.html").title()).isEqualTo("Prix 5 € – naïve “citation”");
        assertThat(crawl.documents.get(alpha + "broken.html").select("a[href]").eachAttr("abs:href").stream().distinct())
                .hasSize(3);
        assertThat(new String(RawHttp.get(alpha + "broken.html", 5000).body(), StandardCharsets.UTF_8))
                .doesNotContain("</html>").contains("<a href=/");
    }

    @Test
    void theCalendarTrapIsEndlessButDepthLimited() {
        assertThat(Jsoup.parse(new String(RawHttp.get(alpha + "calendar/2099-12", 5000).body(), StandardCharsets.UTF_8),
                alpha + "calendar/2099-12").select("a[href]").eachAttr("abs:href")).contains(alpha + "calendar/2100-01");
        for (int maxDepth = 1; maxDepth <= 12; maxDepth += 5) {
            long calendarPages = world.groundTruth(CrawlRules.defaults().withMaxDepth(maxDepth)).urls().stream()
                    .filter(u -> u.startsWith(alpha + "calendar/")).count();
            assertThat(calendarPages).isEqualTo(maxDepth);
        }
    }
}
