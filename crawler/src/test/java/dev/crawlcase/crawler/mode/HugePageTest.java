package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.BlockedThreadLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One page with a few hundred thousand links: the frontier takes them in turns, so its event loop is never held
 * long enough for Vert.x's blocked-thread checker to warn, and every link still gets its record, in every mode.
 */
class HugePageTest extends BadInputCrawlTest {
    private static final int LINKS = 300_000;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyLinkGetsItsRecordAndNoLoopIsBlocked(Mode mode) {
        BadInputServersTest.assumeAvailable(mode);
        StringBuilder page = new StringBuilder(LINKS * 20).append("<title>huge</title>");
        for (int i = 0; i < LINKS; i++) {
            page.append("<a href=\"/p/").append(i).append("\">").append("</a>");
        }
        String body = page.toString();
        BadInputSites.Site site = sites.http(request -> {
            if (request.path().equals("/")) {
                BadInputSites.html(request, body);
            } else {
                BadInputSites.notFound(request);
            }
        });

        TestCrawl crawl;
        List<String> warnings;
        try (BlockedThreadLog log = BlockedThreadLog.open()) {
            // depth 0 only: the links are found and recorded ("depth") but not fetched, so the test stays quick
            crawl = TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 4, dir,
                    List.of(site.url("/")), c -> BadInputLinksTest.patient(c).maxDepth(0)));
            warnings = log.warnings();
        }

        assertThat(warnings).as("blocked-thread warnings").isEmpty();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < LINKS; i++) {
            expected.add(site.url("/p/" + i));
        }
        CrawlRecord home = crawl.byUrl().get(site.url("/"));
        assertThat(home.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(home.links()).isEqualTo(LINKS);
        List<CrawlRecord> links = crawl.records().stream().filter(r -> r != home).toList();
        assertThat(links).hasSize(LINKS).allMatch(r -> r.outcome() == Outcome.SKIPPED && "depth".equals(r.reason())
                && r.depth() == 1);
        assertThat(links.stream().map(CrawlRecord::url).collect(java.util.stream.Collectors.toSet()))
                .isEqualTo(expected);
        assertThat(site.totalRequests()).isEqualTo(1 + site.requests("/robots.txt"));
    }
}
