package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links that carry {@code user:password@}: the credentials are dropped from the URL, so such a link is the page it
 * names (one record, one request) and the password appears in no record, in every mode.
 */
class UserinfoLinksTest extends BadInputCrawlTest {
    private static final String SECRET = "s3cr3t-pw";

    @ParameterizedTest
    @EnumSource(Mode.class)
    void credentialsInLinksAreDroppedAndNeverRecorded(Mode mode) throws IOException {
        BadInputServersTest.assumeAvailable(mode);
        int[] port = new int[1];
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/" -> BadInputSites.html(request, "<title>home</title>"
                        + "<a href=\"http://admin:" + SECRET + "@127.0.0.1:" + port[0] + "/private\">a</a>"
                        + "<a href=\"http://other:" + SECRET + "@127.0.0.1:" + port[0] + "/private\">b</a>"
                        + "<a href=\"/private\">c</a>");
                case "/private" -> BadInputSites.html(request, "<title>private</title>");
                default -> BadInputSites.notFound(request);
            }
        });
        port[0] = Integer.parseInt(site.base().substring(site.base().lastIndexOf(':') + 1));
        TestCrawl crawl = TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 4, dir,
                List.of(site.url("/")), BadInputLinksTest::patient));

        Map<String, Integer> fetched = crawl.fetchedPages();
        assertThat(fetched).containsOnlyKeys(site.url("/"), site.url("/private"));
        assertThat(crawl.records()).extracting(r -> r.outcome()).containsOnly(Outcome.FETCHED);
        assertThat(site.requests("/private")).isEqualTo(1);
        assertThat(Files.readString(crawl.report().records())).doesNotContain(SECRET);
    }
}
