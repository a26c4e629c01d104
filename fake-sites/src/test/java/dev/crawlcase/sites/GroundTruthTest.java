package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.GroundTruth.Kind;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** The model's ground truth equals what a plain jsoup crawler finds in the served, flaky pages. */
@ExtendWith(VertxExtension.class)
class GroundTruthTest {
    private static FakeWorld world;

    @BeforeAll
    static void start(Vertx vertx) {
        world = TestWorlds.start(vertx, TestWorlds.threeFlakySites(11).withEphemeralPorts());
    }

    @AfterAll
    static void stop() {
        TestWorlds.await(world.close());
    }

    static Stream<CrawlRules> rules() {
        CrawlRules d = CrawlRules.defaults();
        return Stream.of(d, d.withObeyRobots(false), d.withMaxDepth(2), d.withSortQuery(true),
                d.withRespectNofollow(true), d.withSites("alpha", "gamma"), d.withMaxRedirects(2), d.withMaxDepth(0));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void groundTruthEqualsAServedBreadthFirstCrawl(CrawlRules rules) throws Exception {
        world.counters().reset();
        GroundTruth truth = world.groundTruth(rules);
        ServedCrawl crawl = new ServedCrawl(world.baseUrls(), rules).run();

        assertThat(crawl.pages).isEqualTo(new TreeMap<>(truth.pages()));
        assertThat(crawl.requested.keySet()).isEqualTo(truth.requests().keySet());
        for (Map.Entry<String, String> outcome : crawl.requested.entrySet()) {
            Kind kind = truth.requests().get(outcome.getKey()).kind();
            String expected = switch (kind) {
                case PAGE, RESOURCE, SITEMAP, SITEMAP_REFUSED -> "200";
                case MISSING -> "404";
                case FAULTY -> "500";
                case REDIRECT -> "3xx";
            };
            assertThat(outcome.getValue().startsWith("3") ? "3xx" : outcome.getValue())
                    .as(outcome.getKey()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyFetchedPageWasServedOkAndNothingElse(CrawlRules rules) throws Exception {
        world.counters().reset();
        GroundTruth truth = world.groundTruth(rules);
        new ServedCrawl(world.baseUrls(), rules).run();
        for (GroundTruth.Request request : truth.requests().values()) {
            int ok = world.counters().okResponses(request.url());
            assertThat(ok).as(request.url()).isEqualTo(request.kind() == Kind.PAGE || request.kind() == Kind.RESOURCE ? 1 : 0);
            assertThat(world.counters().requests(request.url())).as(request.url()).isBetween(1, ServedCrawl.ATTEMPTS);
        }
    }
}
