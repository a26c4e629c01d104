package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static dev.crawlcase.crawler.frontier.Outcomes.html;
import static org.assertj.core.api.Assertions.assertThat;

/** A fetched page whose meta refresh names another URL is a redirect: recorded so, chained, and limited. */
class FrontierMetaRefreshTest {
    static final String A = "http://127.0.0.1:8001";

    final List<CrawlRecord> records = new ArrayList<>();

    Frontier frontier(FrontierSettings settings) {
        Frontier f = new Frontier(settings.withRobots(false, 0), Scope.ofSeeds(List.of(A + "/")),
                UrlNormalizer.defaults(), records::add, Mode.ASYNC, new AtomicLong(1_000)::get, new Random(7));
        f.seed(List.of(A + "/"));
        return f;
    }

    static FetchOutcome refreshing(FetchTask task, String target, String... links) {
        FetchOutcome page = html(task, links);
        return new FetchOutcome(task, page.result(), page.page().withRefresh(target), page.mode());
    }

    @Test
    void aRefreshIsFollowedLikeARedirectAndRecordedAsOne() {
        Frontier f = frontier(FrontierSettings.defaults());
        f.complete(refreshing(f.lease(1).get(0), A + "/new", A + "/ignored"));
        FetchTask next = f.lease(10).get(0);
        assertThat(next).extracting(FetchTask::url, FetchTask::depth, FetchTask::redirects)
                .containsExactly(A + "/new", 1, 1);
        assertThat(f.lease(10)).as("a refreshing page's own links are not followed").isEmpty();
        f.complete(html(next));
        assertThat(records).filteredOn(r -> r.url().equals(A + "/")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.REDIRECTED);
            assertThat(r.reason()).isEqualTo("meta_refresh");
            assertThat(r.finalUrl()).isEqualTo(A + "/new");
            assertThat(r.status()).isEqualTo(200);
        });
    }

    @Test
    void refreshesCountAgainstMaxRedirects() {
        Frontier f = frontier(FrontierSettings.defaults().withMaxRedirects(1));
        f.complete(refreshing(f.lease(1).get(0), A + "/one"));
        FetchTask one = f.lease(1).get(0);
        f.complete(refreshing(one, A + "/two"));
        assertThat(f.lease(10)).isEmpty();
        assertThat(records).filteredOn(r -> r.url().equals(A + "/one")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.reason()).isEqualTo("too_many_redirects");
            assertThat(r.finalUrl()).isEqualTo(A + "/two");
        });
        assertThat(f.isFinished()).isTrue();
    }
}
