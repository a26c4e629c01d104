package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.frontier.FrontierSettings;
import dev.crawlcase.crawler.frontier.Scope;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Lease;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.url.UrlNormalizer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The frontier's event-bus endpoint with a fake clock: parks and wakeups are measured on the clock it is given,
 * and its life (stop, a second stop, a durable stop, a failed checkpoint) ends with the records it promises.
 */
class FrontierVerticleTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    private static final String HOST = "http://127.0.0.1:8001";
    /** Far below the verticle's longest park, far above its tick: answers come from the fake clock or not at all. */
    private static final long WAIT_S = 5;

    private final List<CrawlRecord> records = new CopyOnWriteArrayList<>();
    private final CrawlAddresses addresses = new CrawlAddresses("verticle-test");

    private Frontier frontier(LongSupplier clockMs, String... paths) {
        FrontierSettings settings = FrontierSettings.defaults().withRobots(false, 0).withPoliteness(1, 0)
                .withLeaseTimeoutMs(3_600_000);
        List<String> seeds = Arrays.stream(paths).map(p -> HOST + p).toList();
        Frontier frontier = new Frontier(settings, Scope.ofSeeds(List.of(HOST + "/")), UrlNormalizer.defaults(),
                records::add, Mode.ASYNC, clockMs, new Random(1));
        frontier.seed(seeds);
        return frontier;
    }

    private FrontierVerticle deploy(Vertx vertx, Frontier frontier, FrontierVerticle.Checkpoints checkpoints,
                                    LongSupplier clockMs) throws Exception {
        FrontierVerticle verticle = new FrontierVerticle(frontier, addresses, checkpoints, clockMs);
        await(vertx.deployVerticle(verticle));
        return verticle;
    }

    private static FetchOutcome fetched(FetchTask task) {
        FetchResult result = new FetchResult(200, "text/html", "utf-8", new byte[0], 100, false, null, -1, null, 7);
        return new FetchOutcome(task, result, new ParsedPage("t", List.of(), 0), Mode.ASYNC);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
    }

    private List<String> outcomes() {
        return records.stream().map(r -> r.url().substring(HOST.length()) + " " + r.outcome() + "/" + r.reason())
                .sorted().toList();
    }

    @Test
    void aParkedLeaseIsAnsweredEmptyAfterTheLongestParkOnTheInjectedClock() throws Exception {
        Vertx vertx = kit.vertx();
        AtomicLong time = new AtomicLong(1_000_000);
        LongSupplier clock = () -> time.addAndGet(1_000); // every reading is a second later: fake time flies
        FrontierVerticle verticle = deploy(vertx, frontier(clock, "/a"), null, clock);
        FrontierClient client = new FrontierClient(vertx, addresses, "test");

        List<FetchTask> first = await(client.exchange(List.of(), 1)).tasks();
        assertThat(first).extracting(FetchTask::url).containsExactly(HOST + "/a");
        // the host is busy and nothing else is queued: parked until the fake clock says it waited too long
        Lease parked = await(client.exchange(List.of(), 1));
        assertThat(parked.tasks()).isEmpty();
        assertThat(parked.finished()).isFalse();

        await(client.exchange(List.of(fetched(first.get(0))), 0));
        await(verticle.done());
        assertThat(await(client.exchange(List.of(), 1)).finished()).isTrue();
        assertThat(verticle.phase()).isEqualTo(FrontierPhase.FINISHED);
        assertThat(outcomes()).containsExactly("/a fetched/null");
    }

    @Test
    void aStopBeforeTheFirstLeaseRecordsEverySeedAsStopped() throws Exception {
        Vertx vertx = kit.vertx();
        LongSupplier clock = new AtomicLong(1_000)::get;
        FrontierVerticle verticle = deploy(vertx, frontier(clock, "/a", "/b"), null, clock);

        await(vertx.eventBus().request(addresses.stop(), 0L));
        assertThat(verticle.done().succeeded()).isTrue();
        assertThat(verticle.phase()).isEqualTo(FrontierPhase.FINISHED);
        assertThat(verticle.suspended()).isFalse();
        assertThat(await(new FrontierClient(vertx, addresses, "test").exchange(List.of(), 1)).finished()).isTrue();
        assertThat(outcomes()).containsExactly("/a skipped/stopped", "/b skipped/stopped");
    }

    @Test
    void aStopDuringAStopIsAnsweredOnceTheWorkInFlightIsIn() throws Exception {
        Vertx vertx = kit.vertx();
        LongSupplier clock = new AtomicLong(1_000)::get;
        FrontierVerticle verticle = deploy(vertx, frontier(clock, "/a", "/b"), null, clock);
        FrontierClient client = new FrontierClient(vertx, addresses, "test");
        FetchTask a = await(client.exchange(List.of(), 1)).tasks().get(0);

        // long graces: the drain ends the crawl, not a grace timer
        Future<?> stop1 = vertx.eventBus().request(addresses.stop(), 600_000L);
        Future<?> stop2 = vertx.eventBus().request(addresses.stop(), 600_000L);
        assertThat(await(client.exchange(List.of(), 1)).finished()).as("no leases while stopping").isTrue();
        assertThat(stop1.isComplete() || stop2.isComplete()).isFalse();

        await(client.exchange(List.of(fetched(a)), 0));
        await(stop1);
        await(stop2);
        assertThat(verticle.phase()).isEqualTo(FrontierPhase.FINISHED);
        assertThat(outcomes()).containsExactly("/a fetched/null", "/b skipped/stopped");
    }

    @Test
    void aStopWithADurableStateLeavesTheUnfinishedUrlsForAResume() throws Exception {
        Vertx vertx = kit.vertx();
        LongSupplier clock = new AtomicLong(1_000)::get;
        AtomicLong checkpoints = new AtomicLong();
        FrontierVerticle verticle = deploy(vertx, frontier(clock, "/a", "/b"), () -> {
            checkpoints.incrementAndGet();
            return Future.succeededFuture();
        }, clock);

        await(vertx.eventBus().request(addresses.stop(), 0L));
        assertThat(verticle.phase()).isEqualTo(FrontierPhase.SUSPENDED);
        assertThat(verticle.suspended()).isTrue();
        assertThat(checkpoints.get()).as("the last checkpoint comes before done").isPositive();
        assertThat(records).isEmpty();
    }

    @Test
    void aFailedCheckpointEndsTheCrawlAtOnceAndFailsDone() throws Exception {
        Vertx vertx = kit.vertx();
        LongSupplier clock = new AtomicLong(1_000)::get;
        FrontierVerticle verticle = deploy(vertx, frontier(clock, "/a"), () -> Future.failedFuture("disk full"), clock);

        assertThatThrownBy(() -> await(verticle.done())).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("disk full");
        assertThat(verticle.phase()).isEqualTo(FrontierPhase.ABORTED);
        assertThat(verticle.suspended()).isTrue();
        assertThat(await(new FrontierClient(vertx, addresses, "test").exchange(List.of(), 1)).finished()).isTrue();
        assertThat(records).isEmpty();
    }
}
