package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.CrawlRecord;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * A frontier in turns ({@link Frontier#workInTurns}) offers a page's links and writes the records it owes a bounded
 * number per call: the page is not finished, and gets no record, until its last link is offered, so neither a
 * record's depth, the end of the crawl nor a checkpoint can overtake its links.
 */
class FrontierTurnsTest {
    static final String A = "http://127.0.0.1:8001";

    final AtomicLong now = new AtomicLong(1_000);
    final List<CrawlRecord> records = new ArrayList<>();

    Frontier frontier(int maxDepth) {
        Frontier f = new Frontier(FrontierSettings.defaults().withRobots(false, 0).withLimits(maxDepth, 0),
                Scope.ofSeeds(List.of(A + "/")), UrlNormalizer.defaults(), records::add, Mode.ASYNC, now::get,
                new Random(7));
        f.seed(List.of(A + "/"));
        f.workInTurns(2);
        return f;
    }

    @Test
    void aPagesRecordWaitsForItsLastLinkAndEachTurnIsBounded() {
        Frontier f = frontier(0);
        f.complete(html(f.lease(1).get(0), A + "/1", A + "/2", A + "/3", A + "/4", A + "/5"));
        assertThat(records).isEmpty();
        assertThat(f.isFinished()).as("links still to offer").isFalse();
        int turns = 0;
        while (f.takeTurn()) {
            turns++;
            assertThat(records).as("the page's record waits for its links").isEmpty();
        }
        assertThat(turns).isEqualTo(2);
        assertThat(records).singleElement().extracting(CrawlRecord::url, CrawlRecord::links)
                .containsExactly(A + "/", 5);
        assertThat(f.isFinished()).isTrue();
        f.finish();
        List<Integer> written = new ArrayList<>();
        while (f.takeTurn()) {
            written.add(records.size());
        }
        assertThat(written).as("two records per turn").containsExactly(3, 5);
        assertThat(records).hasSize(6).extracting(CrawlRecord::reason).containsOnly(null, "depth");
    }

    @Test
    void aStopWhileLinksWaitGivesThePageItsRecordAndOffersNoMore() {
        Frontier f = frontier(8);
        f.complete(html(f.lease(1).get(0), A + "/1", A + "/2", A + "/3", A + "/4", A + "/5"));
        assertThat(f.takeTurn()).isTrue();
        f.finish();
        while (f.takeTurn()) {
            assertThat(f.lease(10)).isEmpty();
        }
        assertThat(records).extracting(CrawlRecord::url, CrawlRecord::outcome, CrawlRecord::reason)
                .containsExactlyInAnyOrder(
                        tuple(A + "/", Outcome.FETCHED, null),
                        tuple(A + "/1", Outcome.SKIPPED, "stopped"),
                        tuple(A + "/2", Outcome.SKIPPED, "stopped"));
    }

    @Test
    void withoutTurnsEverythingHappensInTheCall() {
        Frontier f = new Frontier(FrontierSettings.defaults().withRobots(false, 0), Scope.ofSeeds(List.of(A + "/")),
                UrlNormalizer.defaults(), records::add, Mode.ASYNC, now::get, new Random(7));
        f.seed(List.of(A + "/"));
        f.complete(html(f.lease(1).get(0), A + "/1", A + "/2", A + "/3"));
        assertThat(records).hasSize(1);
        assertThat(f.lease(10)).extracting(FetchTask::url).containsExactly(A + "/1", A + "/2", A + "/3");
    }
}
