package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A site cannot hide a URL behind another one's fingerprint, in any mode, with or without a state: a page links to
 * a pair of URLs that collide under the crawler's old unkeyed fingerprint (FNV-1a with a 64-bit finaliser; see
 * {@code frontier.FrontierUrlIdentityTest}, which checks the collision), and both, with a common suffix too, are
 * requested once and get their record. The pair collides only for the host {@code 127.0.0.1:8001} (the host is part
 * of the hashed URL, and finding a pair takes billions of hashes), so the server must listen there; if the port is
 * taken the test is skipped, saying so.
 */
class CollidingUrlsTest extends BadInputCrawlTest {
    private static final int PORT = 8001;
    private static final String X = "/87a2337c6cf5e34f";
    private static final String Y = "/65da387e9f98e264";

    static Stream<Arguments> modesWithAndWithoutState() {
        return Arrays.stream(Mode.values()).flatMap(m -> Stream.of(arguments(m, false), arguments(m, true)));
    }

    @ParameterizedTest(name = "{0}, state {1}")
    @MethodSource("modesWithAndWithoutState")
    void bothUrlsOfACollidingPairGetTheirRecord(Mode mode, boolean durable) {
        BadInputServersTest.assumeAvailable(mode);
        List<String> pages = List.of(X, Y, X + "/s", Y + "/s");
        BadInputSites.Site site = siteOnTheCollidingPort(request -> {
            if (request.path().equals("/")) {
                BadInputSites.html(request, "<title>home</title>" + String.join("",
                        pages.stream().map(p -> "<a href=\"" + p + "\">x</a>").toList()));
            } else if (pages.contains(request.path())) {
                BadInputSites.html(request, "<title>" + request.path() + "</title>");
            } else {
                BadInputSites.notFound(request);
            }
        });
        CrawlConfig config = TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 4, dir, List.of(site.url("/")),
                BadInputLinksTest::patient);

        List<CrawlRecord> records;
        if (durable) {
            try (StateStore state = StateStore.open(dir.resolve("state"), false)) {
                CrawlReport report = new CrawlRunner(vertx, config, () -> 0).withState(state).run()
                        .toCompletionStage().toCompletableFuture().join();
                records = RecordsFile.read(report.records());
            }
        } else {
            records = TestCrawl.run(vertx, config).records();
        }

        assertThat(records).extracting(CrawlRecord::url).containsExactlyInAnyOrder(site.url("/"), site.url(X),
                site.url(Y), site.url(X + "/s"), site.url(Y + "/s"));
        assertThat(records).extracting(CrawlRecord::outcome).containsOnly(Outcome.FETCHED);
        for (String page : pages) {
            assertThat(site.requests(page)).as(page).isEqualTo(1);
        }
    }

    private BadInputSites.Site siteOnTheCollidingPort(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> h) {
        try {
            return sites.http(PORT, h);
        } catch (CompletionException e) {
            assumeTrue(false, "127.0.0.1:" + PORT + " is taken (" + e.getCause().getMessage() + "): the colliding"
                    + " pair collides only for that host:port, so this test cannot run now");
            throw e;
        }
    }
}
