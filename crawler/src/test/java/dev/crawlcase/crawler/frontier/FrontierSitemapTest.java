package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.task.SitemapLimit;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static dev.crawlcase.crawler.frontier.Outcomes.html;
import static dev.crawlcase.crawler.frontier.Outcomes.robots;
import static org.assertj.core.api.Assertions.assertThat;

/** Sitemaps on the frontier side: which are read, as what, at which depth, and the record each gets. */
class FrontierSitemapTest {
    static final String A = "http://127.0.0.1:8001";
    static final String B = "http://127.0.0.1:8002";

    final AtomicLong now = new AtomicLong(1_000);
    final List<CrawlRecord> records = new ArrayList<>();

    Frontier frontier(FrontierSettings settings, String... seeds) {
        Frontier f = new Frontier(settings, Scope.ofSeeds(List.of(seeds)), UrlNormalizer.defaults(), records::add,
                Mode.ASYNC, now::get, new Random(7));
        f.seed(List.of(seeds));
        return f;
    }

    static FetchOutcome sitemap(FetchTask task, ParsedPage page) {
        FetchResult r = new FetchResult(200, "application/xml", null, new byte[0], 500, false, null, -1, null, 5);
        return new FetchOutcome(task, r, page, Outcomes.MODE);
    }

    private FetchTask only(Frontier f) {
        List<FetchTask> tasks = f.lease(1);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private CrawlRecord record(String url) {
        return records.stream().filter(r -> r.url().equals(url)).findFirst().orElseThrow();
    }

    @Test
    void robotsSitemapLinesEnterAtDepthZeroAndWhatTheyListOneAndTwoHopsBelow() {
        Frontier f = frontier(FrontierSettings.defaults(), A + "/");
        f.complete(robots(only(f), 200, "User-agent: *\nDisallow: /private/\nSitemap: " + A + "/index.xml\n"
                + "Sitemap: " + B + "/other.xml\nSitemap: /relative.xml\n"));
        List<FetchTask> depth0 = f.lease(10);
        assertThat(depth0).extracting(FetchTask::url, FetchTask::depth, FetchTask::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(A + "/", 0, FetchTask.Kind.PAGE),
                org.assertj.core.groups.Tuple.tuple(A + "/index.xml", 0, FetchTask.Kind.SITEMAP),
                org.assertj.core.groups.Tuple.tuple(A + "/relative.xml", 0, FetchTask.Kind.SITEMAP));
        FetchTask home = depth0.stream().filter(t -> t.url().equals(A + "/")).findFirst().orElseThrow();
        FetchTask index = depth0.stream().filter(t -> t.url().equals(A + "/index.xml")).findFirst().orElseThrow();
        FetchTask relative = depth0.stream().filter(t -> t.url().equals(A + "/relative.xml")).findFirst().orElseThrow();
        f.complete(html(home, A + "/a"));
        // the index lists a sitemap and itself (a loop: known, not fetched again)
        f.complete(sitemap(index, ParsedPage.ofSitemap(List.of(), List.of(A + "/pages.xml", A + "/index.xml"))));
        f.complete(sitemap(relative, ParsedPage.ofSitemap(List.of(A + "/a", A + "/private/p"), List.of())));
        List<FetchTask> depth1 = f.lease(10);
        assertThat(depth1).extracting(FetchTask::url, FetchTask::depth, FetchTask::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(A + "/a", 1, FetchTask.Kind.PAGE),
                org.assertj.core.groups.Tuple.tuple(A + "/pages.xml", 1, FetchTask.Kind.SITEMAP));
        FetchTask pages = depth1.stream().filter(t -> t.kind() == FetchTask.Kind.SITEMAP).findFirst().orElseThrow();
        FetchTask a = depth1.stream().filter(t -> t.kind() == FetchTask.Kind.PAGE).findFirst().orElseThrow();
        f.complete(html(a));
        f.complete(sitemap(pages, ParsedPage.ofSitemap(List.of(A + "/deep", A + "/a"), List.of())));
        FetchTask deep = only(f);
        assertThat(deep).extracting(FetchTask::url, FetchTask::depth, FetchTask::kind)
                .containsExactly(A + "/deep", 2, FetchTask.Kind.PAGE);
        f.complete(html(deep));
        assertThat(f.isFinished()).isTrue();

        assertThat(record(A + "/index.xml")).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(FetchTask.Kind.SITEMAP);
            assertThat(r.outcome()).isEqualTo(Outcome.FETCHED);
            assertThat(r.links()).isEqualTo(2);
            assertThat(r.depth()).isZero();
        });
        assertThat(record(A + "/private/p")).extracting(CrawlRecord::reason).isEqualTo("robots");
        assertThat(record(A + "/")).extracting(CrawlRecord::kind).isEqualTo(FetchTask.Kind.PAGE);
        assertThat(records).extracting(CrawlRecord::url).doesNotHaveDuplicates().doesNotContain(B + "/other.xml");
    }

    @Test
    void aRefusedSitemapIsOneFailedRecordWithItsReasonAndNothingMore() {
        Frontier f = frontier(FrontierSettings.defaults(), A + "/");
        f.complete(robots(only(f), 200, "Sitemap: " + A + "/bomb.xml.gz\n"));
        FetchTask bomb = f.lease(10).stream().filter(t -> t.kind() == FetchTask.Kind.SITEMAP).findFirst().orElseThrow();
        f.complete(sitemap(bomb, ParsedPage.refusedSitemap(SitemapLimit.TOO_LARGE)));
        assertThat(record(A + "/bomb.xml.gz")).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.reason()).isEqualTo("sitemap_too_large");
            assertThat(r.kind()).isEqualTo(FetchTask.Kind.SITEMAP);
            assertThat(r.status()).isEqualTo(200);
        });
    }

    @Test
    void alwaysAsksForSitemapXmlWhereRobotsNamesNoneAndOffAsksForNothing() {
        Frontier always = frontier(FrontierSettings.defaults().withSitemaps(SitemapSource.ALWAYS), A + "/");
        always.complete(robots(only(always), 200, "User-agent: *\nDisallow:\n"));
        assertThat(always.lease(10)).extracting(FetchTask::url, FetchTask::kind).contains(
                org.assertj.core.groups.Tuple.tuple(A + "/sitemap.xml", FetchTask.Kind.SITEMAP));

        Frontier noRobots = frontier(FrontierSettings.defaults().withSitemaps(SitemapSource.ALWAYS)
                .withRobots(false, 0), A + "/");
        assertThat(noRobots.lease(10)).extracting(FetchTask::url).containsExactlyInAnyOrder(A + "/", A + "/sitemap.xml");

        Frontier off = frontier(FrontierSettings.defaults().withSitemaps(SitemapSource.OFF), A + "/");
        off.complete(robots(only(off), 200, "Sitemap: " + A + "/s.xml\n"));
        assertThat(off.lease(10)).extracting(FetchTask::url).containsExactly(A + "/");

        Frontier byDefault = frontier(FrontierSettings.defaults(), A + "/");
        byDefault.complete(robots(only(byDefault), 200, "User-agent: *\nDisallow:\n"));
        assertThat(byDefault.lease(10)).as("robots names none: nothing is guessed").extracting(FetchTask::url)
                .containsExactly(A + "/");
    }

    @Test
    void onlySeedHostsAreReadAndOnlyOnTheirFirstRobotsAnswer() {
        records.clear();
        Frontier f = new Frontier(FrontierSettings.defaults(), new Scope(List.of(A + "/"),
                List.of(java.util.regex.Pattern.compile("8002")), List.of()), UrlNormalizer.defaults(), records::add,
                Mode.ASYNC, now::get, new Random(7));
        f.seed(List.of(A + "/"));
        f.complete(robots(only(f), 200, "User-agent: *\nDisallow:\n"));
        f.complete(html(only(f), B + "/b"));
        FetchTask robotsOfB = only(f);
        assertThat(robotsOfB.kind()).isEqualTo(FetchTask.Kind.ROBOTS);
        f.complete(robots(robotsOfB, 200, "Sitemap: " + B + "/s.xml\n"));
        assertThat(f.lease(10)).as("a host reached by a link starts no sitemap").extracting(FetchTask::url)
                .containsExactly(B + "/b");
    }
}
