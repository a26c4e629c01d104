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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.frontier.Outcomes.html;
import static dev.crawlcase.crawler.frontier.Outcomes.redirect;
import static dev.crawlcase.crawler.frontier.Outcomes.status;
import static org.assertj.core.api.Assertions.assertThat;

class FrontierTest {
    static final String A = "http://127.0.0.1:8001";
    static final String B = "http://127.0.0.1:8002";

    final AtomicLong now = new AtomicLong(1_000);
    final List<CrawlRecord> records = new ArrayList<>();

    static FrontierSettings noRobots() {
        return FrontierSettings.defaults().withRobots(false, 10_000);
    }

    Frontier frontier(FrontierSettings settings, String... seeds) {
        Frontier f = new Frontier(settings, Scope.ofSeeds(List.of(A + "/", B + "/")), UrlNormalizer.defaults(),
                records::add, Mode.ASYNC, now::get, new Random(42));
        f.seed(List.of(seeds));
        return f;
    }

    Map<String, CrawlRecord> byUrl() {
        assertThat(records.stream().map(CrawlRecord::url)).doesNotHaveDuplicates();
        return records.stream().collect(Collectors.toMap(CrawlRecord::url, r -> r));
    }

    static List<String> urls(List<FetchTask> tasks) {
        return tasks.stream().map(FetchTask::url).toList();
    }

    @Test
    void leasesBreadthFirstAndRoundRobinAcrossHosts() {
        Frontier f = frontier(noRobots(), A + "/", B + "/");
        List<FetchTask> seeds = f.lease(10);
        assertThat(urls(seeds)).containsExactly(A + "/", B + "/");
        assertThat(seeds).allSatisfy(t -> assertThat(t.depth()).isZero());
        f.complete(html(seeds.get(0), A + "/a1", A + "/a2", A + "/a3"));
        f.complete(html(seeds.get(1), B + "/b1", B + "/b2"));
        List<FetchTask> next = f.lease(10);
        assertThat(urls(next)).containsExactly(A + "/a1", B + "/b1", A + "/a2", B + "/b2", A + "/a3");
        assertThat(next).allSatisfy(t -> assertThat(t.depth()).isEqualTo(1));
        next.forEach(t -> f.complete(html(t)));
        assertThat(f.isFinished()).isTrue();
        f.finish();
        assertThat(byUrl()).hasSize(7).allSatisfy((u, r) -> assertThat(r.outcome()).isEqualTo(Outcome.FETCHED));
        assertThat(byUrl().get(A + "/").links()).isEqualTo(3);
        assertThat(byUrl().get(A + "/").mode()).isEqualTo(Outcomes.MODE);
    }

    @Test
    void aDeepUrlIsLeasedWhileAShallowOneIsOpenAndLoweredWhileLeased() {
        Frontier f = frontier(noRobots(), A + "/");
        FetchTask seed = f.lease(1).get(0);
        f.complete(html(seed, A + "/a", A + "/b"));
        List<FetchTask> level1 = f.lease(10);
        assertThat(urls(level1)).containsExactly(A + "/a", A + "/b");
        f.complete(html(level1.get(0), A + "/x"));          // a -> x (depth 2)
        FetchTask x = f.lease(10).get(0);
        assertThat(x.url()).isEqualTo(A + "/x");
        f.complete(html(x, A + "/y"));                      // x -> y at depth 3, while b (depth 1) is open
        List<FetchTask> deep = f.lease(10);
        assertThat(deep).as("depth 3 no longer waits for depth 1").singleElement()
                .extracting(FetchTask::url, FetchTask::depth).containsExactly(A + "/y", 3);
        assertThat(records).as("x's depth 2 is final (only depth 0 could lower it), y's depth 3 is not")
                .extracting(CrawlRecord::url).containsExactly(A + "/", A + "/a", A + "/x");
        f.complete(html(level1.get(1), A + "/y"));          // b -> y: lowered to 2 while leased
        assertThat(f.lease(10)).as("y keeps its lease").isEmpty();
        f.complete(html(deep.get(0), A + "/z"));            // y's links are offered at 3, not 4
        FetchTask z = f.lease(10).get(0);
        assertThat(z.depth()).isEqualTo(3);
        f.complete(html(z));
        assertThat(f.isFinished()).isTrue();
        f.finish();
        assertThat(byUrl()).hasSize(6);
        assertThat(byUrl().get(A + "/y")).extracting(CrawlRecord::depth, CrawlRecord::outcome, CrawlRecord::attempts)
                .containsExactly(2, Outcome.FETCHED, 1);
        assertThat(byUrl().get(A + "/x").depth()).isEqualTo(2);
        assertThat(f.stats().pagesLeased()).isEqualTo(6);
    }

    @Test
    void aFetchedPageFoundAgainCloserOffersItsLinksAgainWithinMaxDepth() {
        Frontier f = frontier(noRobots().withLimits(3, 0), A + "/");
        f.complete(html(f.lease(1).get(0), A + "/a", A + "/b"));
        List<FetchTask> level1 = f.lease(10);                   // a and b, depth 1
        f.complete(html(level1.get(0), A + "/c"));
        f.complete(html(f.lease(10).get(0), A + "/p"));         // a -> c -> p
        FetchTask p = f.lease(10).get(0);
        assertThat(p).extracting(FetchTask::url, FetchTask::depth).containsExactly(A + "/p", 3);
        f.complete(html(p, A + "/q"));                          // q at 4: over maxDepth, held
        assertThat(f.lease(10)).isEmpty();
        assertThat(records).extracting(CrawlRecord::url).doesNotContain(A + "/p");
        f.complete(html(level1.get(1), A + "/p"));              // b -> p: p is at depth 2, so q at 3
        FetchTask q = f.lease(10).get(0);
        assertThat(q).extracting(FetchTask::url, FetchTask::depth).containsExactly(A + "/q", 3);
        f.complete(html(q, A + "/r"));
        assertThat(f.isFinished()).isTrue();
        f.finish();
        Map<String, CrawlRecord> byUrl = byUrl();
        assertThat(byUrl).hasSize(7);
        assertThat(byUrl.get(A + "/p")).extracting(CrawlRecord::depth, CrawlRecord::outcome).containsExactly(2, Outcome.FETCHED);
        assertThat(byUrl.get(A + "/q")).extracting(CrawlRecord::depth, CrawlRecord::outcome).containsExactly(3, Outcome.FETCHED);
        assertThat(byUrl.get(A + "/r")).extracting(CrawlRecord::depth, CrawlRecord::reason).containsExactly(4, "depth");
    }

    @Test
    void aRedirectFoundAgainCloserOffersItsLocationAgain() {
        Frontier f = frontier(noRobots().withLimits(3, 0), A + "/");
        f.complete(html(f.lease(1).get(0), A + "/a", A + "/b"));
        List<FetchTask> level1 = f.lease(10);
        f.complete(html(level1.get(0), A + "/c"));
        f.complete(html(f.lease(10).get(0), A + "/r"));
        FetchTask r = f.lease(10).get(0);                       // r at depth 3 redirects to t (4: held)
        f.complete(redirect(r, 301, "/t"));
        assertThat(f.lease(10)).isEmpty();
        f.complete(html(level1.get(1), A + "/r"));              // b -> r: r at 2, t at 3
        FetchTask t = f.lease(10).get(0);
        assertThat(t).extracting(FetchTask::url, FetchTask::depth, FetchTask::redirects)
                .containsExactly(A + "/t", 3, 1);
        f.complete(html(t));
        f.finish();
        assertThat(byUrl().get(A + "/r")).extracting(CrawlRecord::depth, CrawlRecord::outcome)
                .containsExactly(2, Outcome.REDIRECTED);
        assertThat(byUrl().get(A + "/t")).extracting(CrawlRecord::depth, CrawlRecord::outcome)
                .containsExactly(3, Outcome.FETCHED);
    }

    @Test
    void dedupsSeedsAndLinks() {
        Frontier f = frontier(noRobots(), A + "/", "HTTP://127.0.0.1:8001/#top", "mailto:x@y.test");
        FetchTask seed = f.lease(10).get(0);
        assertThat(f.lease(10)).isEmpty();
        f.complete(html(seed, A + "/", A + "/p", A + "/p"));
        FetchTask p = f.lease(10).get(0);
        f.complete(html(p, A + "/", A + "/p"));
        assertThat(f.lease(10)).isEmpty();
        assertThat(f.isFinished()).isTrue();
        f.finish();
        assertThat(byUrl()).containsOnlyKeys(A + "/", A + "/p");
        assertThat(f.stats().discovered()).isEqualTo(2);
    }

    /**
     * The round-robin cursor never hides a shallower page: the scan this picker replaced moved its cursor while
     * scanning, skipped B here and leased A's depth-1 page before B's depth-0 one.
     */
    @Test
    void aShallowerPageGoesFirstWhereverTheRoundRobinStands() {
        String c = "http://127.0.0.1:8003";
        Frontier f = new Frontier(noRobots().withPoliteness(1, 0), Scope.ofSeeds(List.of(A + "/", B + "/", c + "/")),
                UrlNormalizer.defaults(), records::add, Mode.ASYNC, now::get, new Random(42));
        f.seed(List.of(A + "/", B + "/", B + "/2", c + "/"));
        List<FetchTask> seeds = f.lease(3);
        assertThat(urls(seeds)).containsExactly(A + "/", B + "/", c + "/");
        f.complete(html(seeds.get(0), A + "/a"));
        f.complete(html(seeds.get(1)));
        f.complete(html(seeds.get(2), c + "/c"));
        assertThat(urls(f.lease(1))).containsExactly(B + "/2");
        assertThat(urls(f.lease(2))).as("round-robin goes on after B").containsExactly(c + "/c", A + "/a");
    }

    @Test
    void aResumedFrontierWaitsEveryHostsDelayFromTheResumeBeforeItsFirstRequest() {
        // the run that kept the state may have called A a moment before it died
        Frontier f = frontier(noRobots().withPoliteness(4, 500), A + "/1");
        f.resumedNow();
        assertThat(f.lease(10)).as("a host known at the resume").isEmpty();
        f.offer(B + "/1", 0, 0);
        assertThat(f.lease(10)).as("a host found after the resume").isEmpty();
        now.set(now.get() + 500);
        assertThat(urls(f.lease(10))).containsExactlyInAnyOrder(A + "/1", B + "/1");
    }

    @Test
    void perHostConcurrencyAndDelay() {
        Frontier f = frontier(noRobots().withPoliteness(2, 0), A + "/1", A + "/2", A + "/3", B + "/1");
        assertThat(urls(f.lease(10))).containsExactly(A + "/1", B + "/1", A + "/2");
        assertThat(f.lease(10)).isEmpty();
        assertThat(f.stats().peakInFlight()).isEqualTo(3);

        records.clear();
        Frontier slow = frontier(noRobots().withPoliteness(4, 500), A + "/1", A + "/2");
        FetchTask first = slow.lease(10).get(0);
        slow.complete(html(first));
        assertThat(slow.lease(10)).as("delay between request starts").isEmpty();
        assertThat(slow.nextWakeupMs()).isEqualTo(1_500);
        now.set(1_499);
        assertThat(slow.lease(10)).isEmpty();
        now.set(1_500);
        assertThat(urls(slow.lease(10))).containsExactly(A + "/2");
    }

    @Test
    void retryWaitsForRetryAfterThenBackoff() {
        Frontier f = frontier(noRobots(), A + "/");
        FetchTask t1 = f.lease(1).get(0);
        f.complete(status(t1, 503, 2_000));
        assertThat(f.lease(1)).isEmpty();
        assertThat(f.isFinished()).isFalse();
        assertThat(f.nextWakeupMs()).isEqualTo(3_000);
        now.set(3_000);
        FetchTask t2 = f.lease(1).get(0);
        assertThat(t2.attempt()).isEqualTo(2);
        assertThat(t2.leaseId()).isNotEqualTo(t1.leaseId());
        f.complete(Outcomes.error(t2, ErrorKind.RESET));             // backoff 200 ms with equal jitter: 100..200
        long wake = f.nextWakeupMs();
        assertThat(wake).isBetween(3_100L, 3_200L);
        now.set(wake);
        FetchTask t3 = f.lease(1).get(0);
        f.complete(html(t3));
        CrawlRecord r = byUrl().get(A + "/");
        assertThat(r.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(f.stats().retries()).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesFailWithTheLastReason() {
        Frontier f = frontier(noRobots().withRetry(new RetryPolicy(2, 10, 10, 0)), A + "/", B + "/");
        for (int attempt = 1; attempt <= 3; attempt++) {
            List<FetchTask> tasks = f.lease(10);
            assertThat(tasks).hasSize(2).allSatisfy(t -> assertThat(t.attempt()).isIn(1, 2, 3));
            f.complete(status(tasks.get(0), 502));
            f.complete(Outcomes.error(tasks.get(1), ErrorKind.TIMEOUT_FIRST_BYTE));
            now.addAndGet(10);
        }
        assertThat(f.isFinished()).isTrue();
        assertThat(byUrl().get(A + "/")).extracting(CrawlRecord::outcome, CrawlRecord::reason, CrawlRecord::attempts,
                CrawlRecord::status).containsExactly(Outcome.FAILED, "http_502", 3, 502);
        assertThat(byUrl().get(B + "/")).extracting(CrawlRecord::reason, CrawlRecord::status, CrawlRecord::fetchMs)
                .containsExactly("timeout_first_byte", null, 9L);
    }

    @Test
    void nonRetryableErrorsAndStatusesFailAtOnce() {
        Frontier f = frontier(noRobots(), A + "/", A + "/gone", A + "/nohost");
        List<FetchTask> tasks = f.lease(10);
        f.complete(status(tasks.get(0), 404));
        f.complete(status(tasks.get(1), 410));
        f.complete(Outcomes.error(tasks.get(2), ErrorKind.UNKNOWN_HOST));
        assertThat(records).extracting(CrawlRecord::reason).containsExactly("http_404", "http_410", "unknown_host");
    }

    @Test
    void redirectChainAddsDepthAndCountsRedirects() {
        Frontier f = frontier(noRobots(), A + "/");
        FetchTask t0 = f.lease(1).get(0);
        f.complete(redirect(t0, 301, "/r1"));
        FetchTask t1 = f.lease(1).get(0);
        assertThat(t1).extracting(FetchTask::url, FetchTask::depth, FetchTask::redirects)
                .containsExactly(A + "/r1", 1, 1);
        f.complete(redirect(t1, 302, B + "/final#x"));
        FetchTask t2 = f.lease(1).get(0);
        assertThat(t2).extracting(FetchTask::url, FetchTask::depth, FetchTask::redirects)
                .containsExactly(B + "/final", 2, 2);
        f.complete(html(t2));
        assertThat(byUrl().get(A + "/")).extracting(CrawlRecord::outcome, CrawlRecord::finalUrl, CrawlRecord::status)
                .containsExactly(Outcome.REDIRECTED, A + "/r1", 301);
        assertThat(byUrl().get(A + "/r1").finalUrl()).isEqualTo(B + "/final");
        assertThat(byUrl().get(B + "/final").outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(f.stats().redirected()).isEqualTo(2);
    }

    @Test
    void tooManyRedirectsFailsWithoutQueueingTheLocation() {
        Frontier f = frontier(noRobots().withMaxRedirects(1), A + "/");
        f.complete(redirect(f.lease(1).get(0), 302, "/r1"));
        f.complete(redirect(f.lease(1).get(0), 302, "/r2"));
        assertThat(f.isFinished()).isTrue();
        f.finish();
        assertThat(records).hasSize(2);
        assertThat(byUrl().get(A + "/r1")).extracting(CrawlRecord::outcome, CrawlRecord::reason, CrawlRecord::finalUrl)
                .containsExactly(Outcome.FAILED, "too_many_redirects", A + "/r2");
    }

    @Test
    void redirectLoopEndsThroughDedup() {
        Frontier f = frontier(noRobots(), A + "/a");
        f.complete(redirect(f.lease(1).get(0), 302, "/b"));
        f.complete(redirect(f.lease(1).get(0), 302, "/a"));
        assertThat(f.lease(10)).isEmpty();
        assertThat(f.isFinished()).isTrue();
        assertThat(records).extracting(CrawlRecord::outcome).containsExactly(Outcome.REDIRECTED, Outcome.REDIRECTED);
    }

    @Test
    void badAndOutOfScopeRedirects() {
        Frontier f = frontier(noRobots(), A + "/1", A + "/2", A + "/3");
        List<FetchTask> t = f.lease(10);
        f.complete(redirect(t.get(0), 302, "mailto:x@y.test"));
        f.complete(redirect(t.get(1), 302, "http://[oops"));
        f.complete(redirect(t.get(2), 302, "http://127.0.0.9:1/elsewhere"));
        f.finish();
        assertThat(byUrl().get(A + "/1").reason()).isEqualTo("bad_redirect");
        assertThat(byUrl().get(A + "/2").reason()).isEqualTo("bad_redirect");
        assertThat(byUrl().get(A + "/3").outcome()).isEqualTo(Outcome.REDIRECTED);
        assertThat(byUrl().get("http://127.0.0.9:1/elsewhere")).extracting(CrawlRecord::outcome,
                CrawlRecord::reason, CrawlRecord::depth, CrawlRecord::mode)
                .containsExactly(Outcome.SKIPPED, "scope", 1, Mode.ASYNC);
    }

    @Test
    void nonHtmlIsSkippedWithItsFields() {
        Frontier f = frontier(noRobots(), A + "/doc.pdf");
        f.complete(Outcomes.contentType(f.lease(1).get(0), "application/pdf"));
        assertThat(records.get(0)).extracting(CrawlRecord::outcome, CrawlRecord::reason, CrawlRecord::status,
                CrawlRecord::contentType, CrawlRecord::bytes, CrawlRecord::truncated)
                .containsExactly(Outcome.SKIPPED, "content_type", 200, "application/pdf", 1234L, true);
    }

    @Test
    void remoteHostsAreNotAllowedUnlessEnabled() {
        Scope scope = Scope.ofSeeds(List.of("http://example.test/", A + "/"));
        Frontier f = new Frontier(noRobots(), scope, UrlNormalizer.defaults(), records::add, Mode.ASYNC, now::get,
                new Random(1));
        f.seed(List.of("http://example.test/", A + "/"));
        assertThat(urls(f.lease(10))).containsExactly(A + "/");
        assertThat(records).singleElement().extracting(CrawlRecord::outcome, CrawlRecord::reason)
                .containsExactly(Outcome.FAILED, "not_allowed");

        Frontier remote = new Frontier(noRobots().withAllowRemote(true), scope, UrlNormalizer.defaults(),
                records::add, Mode.ASYNC, now::get, new Random(1));
        remote.seed(List.of("http://example.test/"));
        assertThat(urls(remote.lease(10))).containsExactly("http://example.test/");
    }

    @Test
    void maxDepthLeftoversAreSkippedAtFinish() {
        Frontier f = frontier(noRobots().withLimits(1, 0), A + "/");
        f.complete(html(f.lease(1).get(0), A + "/1"));
        f.complete(html(f.lease(1).get(0), A + "/2", "http://127.0.0.9:1/out"));
        assertThat(f.lease(10)).isEmpty();
        assertThat(f.isFinished()).isTrue();
        assertThat(records).hasSize(3);
        f.finish();
        assertThat(byUrl().get(A + "/2")).extracting(CrawlRecord::outcome, CrawlRecord::reason, CrawlRecord::depth)
                .containsExactly(Outcome.SKIPPED, "depth", 2);
        f.finish();
        assertThat(records).hasSize(4);
    }

    @Test
    void maxPagesLeavesTheRestForFinish() {
        Frontier f = frontier(noRobots().withLimits(8, 2), A + "/");
        f.complete(status(f.lease(1).get(0), 500));
        now.addAndGet(10_000);
        f.complete(html(f.lease(1).get(0), A + "/1", A + "/2", A + "/3"));
        FetchTask one = f.lease(10).get(0);
        assertThat(f.lease(10)).isEmpty();
        f.complete(html(one));
        assertThat(f.isFinished()).isTrue();
        f.finish();
        assertThat(records).extracting(CrawlRecord::reason).containsExactly(null, null, "page_limit", "page_limit");
        assertThat(f.stats().pagesLeased()).isEqualTo(2);
    }

    @Test
    void expiredLeasesAreRequeuedAndLateResultsIgnored() {
        Frontier f = frontier(noRobots().withLeaseTimeoutMs(5_000), A + "/");
        FetchTask lost = f.lease(1).get(0);
        assertThat(f.nextWakeupMs()).isEqualTo(6_000);
        now.set(5_999);
        assertThat(f.expireLeases()).isZero();
        now.set(6_000);
        assertThat(f.expireLeases()).isEqualTo(1);
        assertThat(f.complete(html(lost, A + "/x"))).isFalse();
        FetchTask again = f.lease(1).get(0);
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(f.complete(html(again))).isTrue();
        assertThat(f.complete(html(again))).isFalse();
        assertThat(f.isFinished()).isTrue();
        assertThat(records).singleElement().extracting(CrawlRecord::links).isEqualTo(0);
    }

    @Test
    void finishAfterAStopSkipsEverythingUnfinished() {
        Frontier f = frontier(noRobots(), A + "/");
        f.complete(html(f.lease(1).get(0), A + "/1", A + "/2", A + "/3"));
        FetchTask leased = f.lease(1).get(0);
        f.complete(status(f.lease(1).get(0), 503));
        assertThat(f.isFinished()).isFalse();
        f.finish();
        assertThat(f.complete(html(leased))).isFalse();
        assertThat(f.lease(10)).isEmpty();
        assertThat(byUrl()).hasSize(4);
        assertThat(records.subList(1, 4)).extracting(CrawlRecord::reason).containsOnly("stopped");
    }
}
