package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.url.UrlNormalizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static dev.crawlcase.crawler.frontier.FrontierTest.A;
import static dev.crawlcase.crawler.frontier.FrontierTest.noRobots;
import static dev.crawlcase.crawler.frontier.Outcomes.html;
import static org.assertj.core.api.Assertions.assertThat;

/** Lease ids carry the frontier's epoch: a result leased by another frontier of the same crawl changes nothing. */
class LeaseEpochTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<CrawlRecord> records = new ArrayList<>();

    private Frontier frontier(int epoch) {
        Frontier f = new Frontier(noRobots(), Scope.ofSeeds(List.of(A + "/")), UrlNormalizer.defaults(),
                records::add, UrlLog.NONE, CrawlShare.WHOLE, Mode.ASYNC, now::get, new Random(42), epoch,
                HostPicker::new);
        f.seed(List.of(A + "/"));
        return f;
    }

    @Test
    void aReportCarryingAnotherEpochsLeaseIdIsIgnored() {
        Frontier f = frontier(7);
        FetchTask mine = f.lease(1).get(0);
        assertThat(mine.leaseId() >>> 32).isEqualTo(7);
        FetchTask foreign = new FetchTask((8L << 32) | (mine.leaseId() & 0xFFFF_FFFFL), mine.url(), mine.depth(),
                mine.attempt(), mine.redirects(), mine.kind());

        assertThat(f.complete(html(foreign, A + "/next"))).isFalse();
        assertThat(records).isEmpty();
        assertThat(f.stats().discovered()).isEqualTo(1);
        assertThat(f.stats().inFlight()).isEqualTo(1);

        assertThat(f.complete(html(mine))).isTrue();
        assertThat(records).extracting(CrawlRecord::url).containsExactly(A + "/");
    }

    @Test
    void aResumesFrontierRefusesThePreviousRunsLeaseIds() {
        Frontier before = new Frontier(noRobots(), Scope.ofSeeds(List.of(A + "/")), UrlNormalizer.defaults(),
                records::add, Mode.ASYNC, now::get, new Random(42));
        before.seed(List.of(A + "/"));
        FetchTask old = before.lease(1).get(0);
        before.suspend();

        // the resume: same seed, same injected randomness, the URL restored as found but not done
        Frontier resumed = new Frontier(noRobots(), Scope.ofSeeds(List.of(A + "/")), UrlNormalizer.defaults(),
                records::add, Mode.ASYNC, now::get, new Random(42));
        resumed.restoreFound(A + "/", 0);
        FetchTask fresh = resumed.lease(1).get(0);
        assertThat(resumed.epoch()).isNotEqualTo(before.epoch());
        assertThat(fresh.url()).isEqualTo(old.url());

        assertThat(resumed.complete(html(old, A + "/late"))).as("the previous run's lease").isFalse();
        assertThat(records).isEmpty();
        assertThat(resumed.stats().discovered()).isEqualTo(1);
        assertThat(resumed.complete(html(fresh))).isTrue();
        assertThat(records).extracting(CrawlRecord::url).containsExactly(A + "/");
    }
}
