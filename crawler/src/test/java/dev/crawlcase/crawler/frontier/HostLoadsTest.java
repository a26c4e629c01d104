package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.HostLoad;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.frontier.Outcomes.error;
import static dev.crawlcase.crawler.frontier.Outcomes.html;
import static dev.crawlcase.crawler.frontier.Outcomes.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The frontier's bounded per-host view: what each row says, and how few rows many hosts give. */
class HostLoadsTest {
    static final String A = "http://127.0.0.1:8001";
    static final String B = "http://127.0.0.1:8002";
    static final String C = "http://127.0.0.1:8003";

    final AtomicLong now = new AtomicLong(1_000);
    final List<CrawlRecord> records = new ArrayList<>();

    @Test
    void eachRowSaysQueueInFlightDelayLastAnswerAndBackoff() {
        FrontierSettings settings = FrontierSettings.defaults().withRobots(false, 10_000).withPoliteness(2, 250);
        Frontier f = new Frontier(settings, Scope.ofSeeds(List.of(A + "/", B + "/", C + "/")),
                UrlNormalizer.defaults(), records::add, Mode.ASYNC, now::get, new Random(42));
        f.seed(List.of(A + "/", B + "/", C + "/"));
        Map<String, FetchTask> seeds = f.lease(10).stream()
                .collect(Collectors.toMap(t -> t.url().substring(0, A.length()), Function.identity()));
        assertThat(rows(f)).as("each host's seed in flight").allSatisfy((host, row) -> {
            assertThat(row.inFlight()).isEqualTo(1);
            assertThat(row.lastStatus()).isZero();
            assertThat(row.delayMs()).isEqualTo(250);
        }).hasSize(3);

        f.complete(html(seeds.get(A), A + "/a1", A + "/a2", A + "/a3"));
        f.complete(status(seeds.get(B), 503));
        f.complete(error(seeds.get(C), ErrorKind.RESET));
        Map<String, HostLoad> rows = rows(f);
        assertThat(rows.get(A)).isEqualTo(new HostLoad(A, 3, 0, 250, 200, null, 0));
        assertThat(rows.get(B).queued()).as("the seed, waiting for its retry").isEqualTo(1);
        assertThat(rows.get(B).lastStatus()).isEqualTo(503);
        assertThat(rows.get(B).backoffMs()).isPositive();
        assertThat(rows.get(C).lastError()).isEqualTo(ErrorKind.RESET);
        assertThat(rows.get(C).lastStatus()).isZero();
        assertThat(List.copyOf(rows.keySet())).as("longest queue first").startsWith(A);

        now.addAndGet(1_000);
        assertThat(f.lease(10)).extracting(FetchTask::url).contains(A + "/a1").doesNotContain(A + "/a2");
        assertThat(rows(f).get(A).inFlight()).as("one start per delay").isEqualTo(1);
        now.addAndGet(250);
        assertThat(f.lease(10)).extracting(FetchTask::url).containsExactly(A + "/a2");
        now.addAndGet(250);
        assertThat(f.lease(10)).as("the per-host limit").isEmpty();
        assertThat(rows(f).get(A).inFlight()).isEqualTo(2);
        assertThat(rows(f).get(A).queued()).isEqualTo(1);
        assertThat(rows(f).get(B).backoffMs()).as("its retry is leased").isZero();
    }

    @Test
    void manyHostsGiveAtMostThreeTimesTheRowsAsked() {
        List<HostQueue> hosts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            HostQueue host = new HostQueue("http://127.0.0.1:" + (10_000 + i), i, null, h -> { });
            for (int u = 0; u < i % 37; u++) {
                host.add(new QueuedUrl(host.key + "/" + u, 1, 1, 0, 0));
            }
            if (i % 3 == 0) {
                host.started(0);
            }
            if (i % 7 == 0) {
                host.addRetry(new QueuedUrl(host.key + "/r", 1, 2, 0, 5_000 + i));
            }
            hosts.add(host);
        }
        List<HostLoad> rows = HostLoads.top(hosts, 4, 1_000, h -> 0);
        assertThat(rows.size()).isBetween(4, 12);
        long longest = hosts.stream().mapToLong(HostQueue::waiting).max().orElseThrow();
        assertThat(rows.get(0).queued()).isEqualTo(longest);
        assertThat(rows).extracting(HostLoad::backoffMs).as("the soonest retry").contains(4_000L);
        assertThat(HostLoads.top(hosts, 0, 1_000, h -> 0)).isEmpty();
    }

    private static Map<String, HostLoad> rows(Frontier f) {
        return f.hostLoads(10).stream().collect(Collectors.toMap(HostLoad::host, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
