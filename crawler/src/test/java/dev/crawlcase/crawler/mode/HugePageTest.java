package dev.crawlcase.crawler.mode;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.BlockedThreadLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One page with a few hundred thousand links: the frontier takes them in turns, so its event loop is never held
 * long enough for Vert.x's blocked-thread checker to warn, and every link still gets its record, in every mode;
 * also with a durable state (one mode per client family), where the frontier runs on a worker thread and every
 * link is committed to the store before its record is written. (The sharded cluster's case, where the links cross to another node's part, is
 * {@code cluster.ShardedHugePageTest}.)
 */
@Tag(Tags.NEWEST_JDK)
class HugePageTest extends BadInputCrawlTest {
    private static final int LINKS = 300_000;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyLinkGetsItsRecordAndNoLoopIsBlocked(Mode mode) {
        crawlsTheHugePage(mode, config -> TestCrawl.run(vertx, config).records());
    }

    /** One mode of each client family (the JDK client, Vert.x's, the raw sockets): the state's path is the frontier's. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SEQUENTIAL", "ASYNC", "POLL"})
    void withAStateEveryLinkGetsItsRecordAndNoLoopIsBlocked(Mode mode) {
        crawlsTheHugePage(mode, config -> {
            try (StateStore state = StateStore.open(dir.resolve("state"), false)) {
                CrawlReport report = new CrawlRunner(vertx, config, () -> 0).withState(state).run()
                        .toCompletionStage().toCompletableFuture().join();
                assertThat(state.finished()).isTrue();
                assertThat(state.recordCount()).isEqualTo(1 + LINKS);
                return RecordsFile.read(report.records());
            }
        });
    }

    private void crawlsTheHugePage(Mode mode, Function<CrawlConfig, List<CrawlRecord>> crawl) {
        BadInputServersTest.assumeAvailable(mode);
        String body = hugePage();
        BadInputSites.Site site = sites.http(request -> {
            if (request.path().equals("/")) {
                BadInputSites.html(request, body);
            } else {
                BadInputSites.notFound(request);
            }
        });

        List<CrawlRecord> records;
        List<String> warnings;
        try (BlockedThreadLog log = BlockedThreadLog.open()) {
            // depth 0 only: the links are found and recorded ("depth") but not fetched, so the test stays quick
            records = crawl.apply(TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 4, dir,
                    List.of(site.url("/")), c -> BadInputLinksTest.patient(c).maxDepth(0)));
            warnings = log.warnings();
        }

        assertThat(warnings).as("blocked-thread warnings").isEmpty();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < LINKS; i++) {
            expected.add(site.url("/p/" + i));
        }
        CrawlRecord home = records.stream().filter(r -> r.url().equals(site.url("/"))).findFirst().orElseThrow();
        assertThat(home.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(home.links()).isEqualTo(LINKS);
        List<CrawlRecord> links = records.stream().filter(r -> r != home).toList();
        assertThat(links).hasSize(LINKS).allMatch(r -> r.outcome() == Outcome.SKIPPED && "depth".equals(r.reason())
                && r.depth() == 1);
        assertThat(links.stream().map(CrawlRecord::url).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(site.totalRequests()).isEqualTo(1 + site.requests("/robots.txt"));
    }

    /** The huge page: a title and {@link #LINKS} links to /p/0, /p/1, ... of its own host. */
    private static String hugePage() {
        StringBuilder page = new StringBuilder(LINKS * 20).append("<title>huge</title>");
        for (int i = 0; i < LINKS; i++) {
            page.append("<a href=\"/p/").append(i).append("\">").append("</a>");
        }
        return page.toString();
    }
}
