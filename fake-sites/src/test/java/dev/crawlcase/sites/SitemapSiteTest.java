package dev.crawlcase.sites;

import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A site with {@code sitemaps}: what it serves and what its ground truth makes of it. */
@ExtendWith(VertxExtension.class)
class SitemapSiteTest {
    private static FakeWorld world;
    private static String alpha;
    private static String beta;

    @BeforeAll
    static void start(Vertx vertx) {
        WorldConfig plain = TestWorlds.threeSites(5);
        WorldConfig config = plain.withSites(plain.sites().stream()
                .map(s -> s.name().equals("alpha") ? s.withSitemaps(true) : s).toList());
        world = TestWorlds.start(vertx, config);
        alpha = world.baseUrls().get("alpha");
        beta = world.baseUrls().get("beta");
    }

    @AfterAll
    static void stop() {
        TestWorlds.await(world.close());
    }

    private static String inflated(byte[] gzip, int max) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        }
    }

    @Test
    void robotsNamesTheIndexWhichListsAGzippedSitemapHiddenPagesABombAndItself() throws IOException {
        assertThat(RawHttp.get(alpha + "robots.txt", 5_000).text()).contains("Sitemap: " + alpha + "sitemap_index.xml");
        assertThat(RawHttp.get(beta + "robots.txt", 5_000).text()).doesNotContain("Sitemap:");
        String index = new String(RawHttp.get(alpha + "sitemap_index.xml", 5_000).body(), StandardCharsets.UTF_8);
        assertThat(index).contains("<sitemapindex", "<loc>" + alpha + "sitemaps/pages.xml.gz</loc>",
                "<loc>" + alpha + "sitemaps/hidden.xml</loc>", "<loc>" + alpha + "sitemaps/bomb.xml.gz</loc>",
                "<loc>" + alpha + "sitemap_index.xml</loc>");
        RawHttp.Exchange pages = RawHttp.get(alpha + "sitemaps/pages.xml.gz", 5_000);
        assertThat(pages.header("Content-Type")).isEqualTo("application/gzip");
        assertThat(inflated(pages.body(), 1 << 20)).contains("<urlset", "<loc>" + beta + "</loc>",
                "<loc>" + alpha + "private/p1.html</loc>");
        String hidden = new String(RawHttp.get(alpha + "sitemaps/hidden.xml", 5_000).body(), StandardCharsets.UTF_8);
        assertThat(hidden).contains("<loc>" + alpha + "hidden/h1.html</loc>");
        assertThat(RawHttp.get(alpha + "hidden/h1.html", 5_000).status()).isEqualTo(200);
        byte[] bomb = RawHttp.get(alpha + "sitemaps/bomb.xml.gz", 10_000).body();
        assertThat(bomb.length).as("small on the wire").isLessThan(1 << 20);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bomb))) {
            assertThat(in.skip(Long.MAX_VALUE)).as("over the protocol's 50 MiB once inflated")
                    .isGreaterThan(50L * 1024 * 1024);
        }
    }

    @Test
    void theGroundTruthFollowsSitemapsOneHopBelowThemAndOnlyWhenAsked() {
        GroundTruth truth = world.groundTruth(CrawlRules.defaults());
        Map<String, GroundTruth.Request> requests = truth.requests();
        assertThat(requests.get(alpha + "sitemap_index.xml")).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(GroundTruth.Kind.SITEMAP);
            assertThat(r.depth()).isZero();
        });
        assertThat(requests.get(alpha + "sitemaps/pages.xml.gz").depth()).isEqualTo(1);
        assertThat(requests.get(alpha + "sitemaps/bomb.xml.gz").kind()).isEqualTo(GroundTruth.Kind.SITEMAP_REFUSED);
        assertThat(truth.pages()).containsEntry(alpha + "hidden/h1.html", 2);
        assertThat(truth.pages().values()).as("no page deeper than its sitemap hop, or its links, allow")
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(8));
        assertThat(requests).doesNotContainKey(alpha + "private/p1.html");

        GroundTruth off = world.groundTruth(CrawlRules.defaults().withSitemaps(CrawlRules.Sitemaps.OFF));
        assertThat(off.pages().keySet()).noneMatch(u -> u.contains("/hidden/"));
        assertThat(off.requests().keySet()).noneMatch(u -> u.contains("sitemap"));
        GroundTruth noRobots = world.groundTruth(CrawlRules.defaults().withObeyRobots(false));
        assertThat(noRobots.requests().keySet()).as("robots.txt unread: its Sitemap: line too")
                .noneMatch(u -> u.contains("sitemap"));
        GroundTruth always = world.groundTruth(CrawlRules.defaults().withSitemaps(CrawlRules.Sitemaps.ALWAYS));
        assertThat(always.requests().get(beta + "sitemap.xml").kind()).isEqualTo(GroundTruth.Kind.MISSING);
        assertThat(always.requests()).doesNotContainKey(alpha + "sitemap.xml");
    }

    @Test
    void turningSitemapsOnChangesNoOrdinaryPage() {
        SiteSpec spec = SiteSpec.named("alpha");
        var without = dev.crawlcase.sites.model.SiteGenerator.generate(5, spec, java.util.List.of("alpha"));
        var with = dev.crawlcase.sites.model.SiteGenerator.generate(5, spec.withSitemaps(true), java.util.List.of("alpha"));
        without.resources().forEach((target, resource) -> assertThat(with.resources().get(target)).isEqualTo(resource));
        assertThat(with.resources().keySet()).contains("/sitemap_index.xml", "/hidden/h1.html");
    }
}
