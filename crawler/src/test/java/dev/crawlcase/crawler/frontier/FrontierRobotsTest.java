package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.url.UrlNormalizer;

import dev.crawlcase.crawler.task.CrawlRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static dev.crawlcase.crawler.frontier.Outcomes.error;
import static dev.crawlcase.crawler.frontier.Outcomes.html;
import static dev.crawlcase.crawler.frontier.Outcomes.redirect;
import static dev.crawlcase.crawler.frontier.Outcomes.robots;
import static org.assertj.core.api.Assertions.assertThat;

class FrontierRobotsTest {
    static final String A = "http://127.0.0.1:8001";

    final AtomicLong now = new AtomicLong(1_000);
    final List<CrawlRecord> records = new ArrayList<>();

    Frontier frontier(FrontierSettings settings, String... seeds) {
        Frontier f = new Frontier(settings, Scope.ofSeeds(List.of(A + "/")), UrlNormalizer.defaults(), records::add,
                Mode.ASYNC, now::get, new Random(7));
        f.seed(List.of(seeds));
        return f;
    }

    @Test
    void robotsTxtGoesFirstAndDisallowedUrlsAreSkipped() {
        Frontier f = frontier(FrontierSettings.defaults(), A + "/", A + "/private/a");
        List<FetchTask> first = f.lease(10);
        assertThat(first).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(FetchTask.Kind.ROBOTS);
            assertThat(t.url()).isEqualTo(A + "/robots.txt");
        });
        assertThat(f.lease(10)).as("pages wait for robots.txt").isEmpty();
        f.complete(robots(first.get(0), 200, "User-agent: crawlcase\nDisallow: /private\n"));
        assertThat(records).singleElement().extracting(CrawlRecord::url, CrawlRecord::outcome, CrawlRecord::reason)
                .containsExactly(A + "/private/a", Outcome.SKIPPED, "robots");
        FetchTask home = f.lease(10).get(0);
        assertThat(home.url()).isEqualTo(A + "/");
        f.complete(html(home, A + "/private/b", A + "/ok"));
        assertThat(f.lease(10)).extracting(FetchTask::url).containsExactly(A + "/ok");
        assertThat(records).extracting(CrawlRecord::reason).containsExactly("robots", null, "robots");
        assertThat(f.stats().robotsFetches()).isEqualTo(1);
    }

    @Test
    void missingRobotsAllowsAllAndServerErrorsRetryThenDisallowAll() {
        Frontier ok = frontier(FrontierSettings.defaults(), A + "/");
        ok.complete(robots(ok.lease(1).get(0), 404, ""));
        assertThat(ok.lease(1)).extracting(FetchTask::kind).containsExactly(FetchTask.Kind.PAGE);

        records.clear();
        Frontier down = frontier(FrontierSettings.defaults().withRetry(new RetryPolicy(1, 100, 100, 0)), A + "/");
        FetchTask r1 = down.lease(1).get(0);
        down.complete(robots(r1, 503, ""));
        assertThat(down.lease(1)).isEmpty();
        assertThat(down.nextWakeupMs()).isBetween(1_050L, 1_100L);
        now.set(down.nextWakeupMs());
        FetchTask r2 = down.lease(1).get(0);
        assertThat(r2).extracting(FetchTask::kind, FetchTask::attempt).containsExactly(FetchTask.Kind.ROBOTS, 2);
        down.complete(robots(r2, 500, ""));
        assertThat(records).singleElement().extracting(CrawlRecord::reason).isEqualTo("robots");
        assertThat(down.isFinished()).isTrue();
        assertThat(down.stats().retries()).isEqualTo(1);
    }

    @Test
    void crawlDelayFeedsTheHostDelayUpToTheCap() {
        Frontier f = frontier(FrontierSettings.defaults().withRobots(true, 300), A + "/1", A + "/2", A + "/3");
        f.complete(robots(f.lease(1).get(0), 200, "User-agent: *\nCrawl-delay: 2\n"));
        assertThat(f.lease(10)).as("robots fetch started at 1000, cap 300 ms").isEmpty();
        assertThat(f.nextWakeupMs()).isEqualTo(1_300);
        now.set(1_300);
        assertThat(f.lease(10)).hasSize(1);
        now.set(1_599);
        assertThat(f.lease(10)).isEmpty();
        now.set(1_600);
        assertThat(f.lease(10)).hasSize(1);
    }

    @Test
    void robotsAreFetchedAgainAfterTheTtl() {
        FrontierSettings settings = new FrontierSettings(8, 0, 4, 0, true, 0, 10, RetryPolicy.defaults(), 60_000,
                10_000, 100, "crawlcase", false);
        Frontier f = frontier(settings, A + "/");
        f.complete(robots(f.lease(1).get(0), 404, ""));
        f.complete(html(f.lease(1).get(0), A + "/later"));
        now.addAndGet(10_000);
        FetchTask again = f.lease(10).get(0);
        assertThat(again.kind()).isEqualTo(FetchTask.Kind.ROBOTS);
        f.complete(robots(again, 200, "User-agent: *\nDisallow: /later\n"));
        assertThat(f.isFinished()).isTrue();
        assertThat(records).extracting(CrawlRecord::reason).containsExactly(null, "robots");
        assertThat(f.stats().robotsFetches()).isEqualTo(2);
    }

    @Test
    void expiredRobotsLeaseIsLeasedAgainAsTheSameAttempt() {
        Frontier f = frontier(FrontierSettings.defaults().withLeaseTimeoutMs(100), A + "/");
        FetchTask lost = f.lease(1).get(0);
        now.addAndGet(100);
        assertThat(f.expireLeases()).isEqualTo(1);
        assertThat(f.complete(robots(lost, 404, ""))).isFalse();
        FetchTask again = f.lease(1).get(0);
        assertThat(again).extracting(FetchTask::kind, FetchTask::attempt).containsExactly(FetchTask.Kind.ROBOTS, 1);
    }

    static final String B = "http://127.0.0.1:8002";

    @Test
    void redirectsAreFollowedFiveHopsAcrossHostsAndTheFinalRulesApplyToTheAskingHost() {
        Frontier f = frontier(FrontierSettings.defaults(), A + "/", A + "/private/a");
        List<String> hops = List.of(A + "/r1", B + "/r2", A + "/r3", B + "/r4", B + "/final.txt");
        FetchTask t = f.lease(10).get(0);
        for (int hop = 0; hop < hops.size(); hop++) {
            assertThat(t).extracting(FetchTask::kind, FetchTask::redirects, FetchTask::attempt)
                    .containsExactly(FetchTask.Kind.ROBOTS, hop, 1);
            f.complete(redirect(t, 301, hops.get(hop)));
            assertThat(records).isEmpty();
            t = f.lease(10).get(0);
            assertThat(t.url()).isEqualTo(hops.get(hop));
        }
        f.complete(robots(t, 200, "User-agent: *\nDisallow: /private\n"));
        assertThat(records).singleElement().extracting(CrawlRecord::url, CrawlRecord::reason)
                .containsExactly(A + "/private/a", "robots");
        assertThat(f.lease(10)).extracting(FetchTask::url).containsExactly(A + "/");
    }

    @Test
    void aSixthRedirectLeavesRobotsUnreachableAndDisallowsAll() {
        Frontier f = frontier(FrontierSettings.defaults(), A + "/");
        FetchTask t = f.lease(10).get(0);
        for (int hop = 0; hop <= RobotsGate.MAX_REDIRECTS; hop++) {
            f.complete(redirect(t, 302, "/loop" + (hop % 2)));
            t = hop < RobotsGate.MAX_REDIRECTS ? f.lease(10).get(0) : null;
        }
        assertThat(records).singleElement().extracting(CrawlRecord::url, CrawlRecord::outcome, CrawlRecord::reason)
                .containsExactly(A + "/", Outcome.SKIPPED, "robots_unreachable");
        assertThat(f.isFinished()).isTrue();
    }

    @Test
    void anUnreachableRobotsDisallowsAllUntilALaterFetchSucceeds() {
        Frontier f = robotsFailingTwice(ErrorKind.TIMEOUT_TOTAL, ErrorKind.RESET);
        assertThat(records).singleElement().extracting(CrawlRecord::reason).isEqualTo("robots_unreachable");
        disallowedWithinTheTtlThenLifted(f, "robots_unreachable");
    }

    /**
     * RFC 9309 counts a network error as unreachable: a robots.txt whose connection is refused (a server down only
     * while robots.txt is asked for) allows no page until a later fetch succeeds; the pages fail as refused, the
     * error that says what is wrong, and none is leased.
     */
    @Test
    void aRefusedRobotsConnectionDisallowsAllUntilALaterFetchSucceeds() {
        Frontier f = robotsFailingTwice(ErrorKind.REFUSED, ErrorKind.REFUSED);
        assertThat(records).singleElement().extracting(CrawlRecord::url, CrawlRecord::outcome, CrawlRecord::reason,
                CrawlRecord::attempts).containsExactly(A + "/", Outcome.FAILED, "refused", 0);
        disallowedWithinTheTtlThenLifted(f, "refused");
    }

    /** A frontier (one retry, TTL 10 s) whose seed host's robots.txt failed with {@code first}, then {@code second}. */
    private Frontier robotsFailingTwice(ErrorKind first, ErrorKind second) {
        FrontierSettings settings = new FrontierSettings(8, 0, 4, 0, true, 0, 10, new RetryPolicy(1, 100, 100, 0),
                60_000, 10_000, 100, "crawlcase", false);
        Frontier f = frontier(settings, A + "/");
        FetchTask r1 = f.lease(1).get(0);
        f.complete(error(r1, first));
        now.set(f.nextWakeupMs());
        f.complete(error(f.lease(1).get(0), second));
        return f;
    }

    /** A page found within the TTL gets {@code reason} unfetched; after it, robots.txt is asked again and lifts it. */
    private void disallowedWithinTheTtlThenLifted(Frontier f, String reason) {
        f.seed(List.of(A + "/again"));
        assertThat(f.lease(10)).as("still disallowed within the TTL").isEmpty();
        assertThat(records).extracting(CrawlRecord::reason).containsExactly(reason, reason);
        now.addAndGet(10_000);
        f.seed(List.of(A + "/later"));
        FetchTask again = f.lease(10).get(0);
        assertThat(again).extracting(FetchTask::kind, FetchTask::url, FetchTask::redirects)
                .containsExactly(FetchTask.Kind.ROBOTS, A + "/robots.txt", 0);
        f.complete(robots(again, 404, ""));
        assertThat(f.lease(10)).extracting(FetchTask::url).containsExactly(A + "/later");
    }
}
