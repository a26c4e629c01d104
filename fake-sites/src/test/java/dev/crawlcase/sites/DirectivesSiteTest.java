package dev.crawlcase.sites;

import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** A site with {@code directives}: the directives it serves and what its ground truth makes of them. */
@ExtendWith(VertxExtension.class)
class DirectivesSiteTest {
    private static FakeWorld world;
    private static String alpha;

    @BeforeAll
    static void start(Vertx vertx) {
        WorldConfig plain = TestWorlds.threeSites(5);
        world = TestWorlds.start(vertx, plain.withSites(plain.sites().stream()
                .map(s -> s.name().equals("alpha") ? s.withDirectives(true) : s).toList()));
        alpha = world.baseUrls().get("alpha");
    }

    @AfterAll
    static void stop() {
        TestWorlds.await(world.close());
    }

    @Test
    void theRootLinksToPagesThatCarryEachDirective() {
        assertThat(RawHttp.get(alpha, 5_000).text()).contains("/directives/meta-nofollow.html",
                "/directives/header-nofollow.html", "/directives/none.html", "/directives/noindex.html",
                "/directives/canonical.html");
        assertThat(RawHttp.get(alpha + "directives/meta-nofollow.html", 5_000).text())
                .contains("<meta name=\"robots\" content=\"nofollow\">", "behind-meta-nofollow.html");
        RawHttp.Exchange header = RawHttp.get(alpha + "directives/header-nofollow.html", 5_000);
        assertThat(header.header("X-Robots-Tag")).isEqualTo("nofollow");
        assertThat(header.text()).doesNotContain("name=\"robots\"");
        RawHttp.Exchange noindex = RawHttp.get(alpha + "directives/noindex.html", 5_000);
        assertThat(noindex.header("X-Robots-Tag")).isEqualTo("noarchive");
        assertThat(noindex.text()).contains("<meta name=\"robots\" content=\"noindex\">");
        assertThat(RawHttp.get(alpha + "directives/canonical.html", 5_000).text())
                .contains("<link rel=\"canonical\" href=\"" + alpha + "s1/p1.html\">");
    }

    @Test
    void theGroundTruthFollowsANofollowPagesLinksOnlyWhenDirectivesAreIgnored() {
        GroundTruth obeyed = world.groundTruth(CrawlRules.defaults());
        assertThat(obeyed.pages()).containsKeys(alpha + "directives/meta-nofollow.html",
                alpha + "directives/header-nofollow.html", alpha + "directives/none.html",
                alpha + "directives/behind-noindex.html");
        assertThat(obeyed.pages()).doesNotContainKeys(alpha + "directives/behind-meta-nofollow.html",
                alpha + "directives/behind-header-nofollow.html", alpha + "directives/behind-none.html");
        GroundTruth ignored = world.groundTruth(CrawlRules.defaults().withObeyPageDirectives(false));
        assertThat(ignored.pages()).containsEntry(alpha + "directives/behind-meta-nofollow.html", 2)
                .containsEntry(alpha + "directives/behind-header-nofollow.html", 2)
                .containsEntry(alpha + "directives/behind-none.html", 2);
    }
}
