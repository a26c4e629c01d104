package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static dev.crawlcase.crawler.frontier.FrontierTest.A;
import static dev.crawlcase.crawler.frontier.FrontierTest.B;
import static dev.crawlcase.crawler.frontier.FrontierTest.noRobots;
import static dev.crawlcase.crawler.frontier.Outcomes.html;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frontier of one part of a crawl (it owns host A, host B is another part's): it seeds only its own seeds, and
 * journals the links it hands off, so that a resumed part sends them again (one sent just before a crash may never
 * have been taken).
 */
class FrontierShareTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<CrawlRecord> records = new ArrayList<>();
    private final List<String> handedOff = new ArrayList<>();
    private final Map<String, Integer> journal = new LinkedHashMap<>();

    private final CrawlShare ownsA = new CrawlShare() {
        @Override
        public boolean owns(String hostKey) {
            return hostKey.equals(A);
        }

        @Override
        public void handOff(String url, int depth, int redirects) {
            handedOff.add(url + "@" + depth);
        }

        @Override
        public int minUnfinishedElsewhere() {
            return Integer.MAX_VALUE;
        }
    };

    private Frontier frontier() {
        return new Frontier(noRobots(), Scope.ofSeeds(List.of(A + "/", B + "/")), UrlNormalizer.defaults(),
                records::add, (url, depth) -> journal.merge(url, depth, Math::min), ownsA, Mode.ASYNC, now::get,
                new Random(42));
    }

    @Test
    void aPartSeedsOnlyTheSeedsOfItsOwnHosts() {
        Frontier f = frontier();
        f.seedOwn(List.of(A + "/", B + "/"));

        assertThat(handedOff).isEmpty();
        assertThat(f.lease(10)).extracting(FetchTask::url).containsExactly(A + "/");
    }

    @Test
    void aHandedOffLinkIsJournaledAndHandedOffAgainWhenThePartIsResumed() {
        Frontier f = frontier();
        f.seedOwn(List.of(A + "/"));
        f.complete(html(f.lease(1).get(0), B + "/x"));
        assertThat(handedOff).containsExactly(B + "/x@1");
        assertThat(journal).containsEntry(B + "/x", 1);

        handedOff.clear();
        Frontier resumed = frontier();
        resumed.restoreDone(A + "/", true);
        resumed.restoreFound(B + "/x", 1);
        assertThat(handedOff).containsExactly(B + "/x@1");
    }
}
