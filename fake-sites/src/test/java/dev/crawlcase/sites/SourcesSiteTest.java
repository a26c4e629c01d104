package dev.crawlcase.sites;

import dev.crawlcase.sites.CrawlRules.LinkSource;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A site with {@code linkSources}: the elements it serves and what its ground truth follows under each source. */
@ExtendWith(VertxExtension.class)
class SourcesSiteTest {
    private static FakeWorld world;
    private static String alpha;

    @BeforeAll
    static void start(Vertx vertx) {
        world = TestWorlds.start(vertx, TestWorlds.threeSitesWithAlpha(5, s -> s.withLinkSources(true)));
        alpha = world.baseUrls().get("alpha");
    }

    @AfterAll
    static void stop() {
        TestWorlds.await(world.close());
    }

    @Test
    void theRootLinksToAPageWithLinkElementsAndAnIframeAndToAFrameset() {
        assertThat(RawHttp.get(alpha, 5_000).text()).contains("href=\"/sources/embeds.html\"",
                "href=\"/sources/frames.html\"");
        assertThat(RawHttp.get(alpha + "sources/embeds.html", 5_000).text()).contains(
                "<link rel=\"alternate\" hreflang=\"de\" href=\"" + alpha + "sources/alternate-de.html\">",
                "<link rel=\"next\" href=\"" + alpha + "sources/next.html\">",
                "<iframe src=\"iframe.html\"");
        assertThat(RawHttp.get(alpha + "sources/frames.html", 5_000).text())
                .contains("<frame src=\"frame-left.html\">", "<frame src=\"frame-right.html\">")
                .doesNotContain("<body", "<a ");
    }

    @Test
    void anchorsAloneReachNoPageThatOnlyALinkElementOrAFrameNames() {
        GroundTruth anchors = world.groundTruth(CrawlRules.defaults());
        assertThat(anchors.pages()).containsEntry(alpha + "sources/embeds.html", 1)
                .containsEntry(alpha + "sources/frames.html", 1);
        assertThat(anchors.pages().keySet()).filteredOn(u -> u.startsWith(alpha + "sources/"))
                .containsExactlyInAnyOrder(alpha + "sources/embeds.html", alpha + "sources/frames.html");
        assertThat(anchors.requests()).doesNotContainKey(alpha + "index.html");
    }

    @Test
    void linkElementsAddAlternatesCanonicalsAndStylesheetsAndFramesAddIframesAndFrames() {
        GroundTruth links = world.groundTruth(CrawlRules.defaults().withLinkSources(Set.of(LinkSource.A, LinkSource.LINK)));
        assertThat(links.pages()).containsEntry(alpha + "sources/alternate-de.html", 2)
                .containsEntry(alpha + "sources/next.html", 2)
                .doesNotContainKeys(alpha + "sources/iframe.html", alpha + "sources/frame-left.html");
        // the root's canonical names /index.html, which no site serves; every page's stylesheet is a resource
        assertThat(links.requests().get(alpha + "index.html").kind()).isEqualTo(GroundTruth.Kind.MISSING);
        assertThat(links.requests().get(alpha + "static/site.css").kind()).isEqualTo(GroundTruth.Kind.RESOURCE);

        GroundTruth frames = world.groundTruth(CrawlRules.defaults().withLinkSources(Set.of(LinkSource.A, LinkSource.FRAME)));
        assertThat(frames.pages()).containsEntry(alpha + "sources/iframe.html", 2)
                .containsEntry(alpha + "sources/frame-left.html", 2)
                .containsEntry(alpha + "sources/frame-right.html", 2)
                .doesNotContainKeys(alpha + "sources/alternate-de.html", alpha + "sources/next.html");
    }
}
