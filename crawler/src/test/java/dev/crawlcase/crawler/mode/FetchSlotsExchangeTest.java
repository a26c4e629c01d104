package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.bus.BusCodecs;
import dev.crawlcase.crawler.bus.Exchange;
import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Lease;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link FetchSlots} talks to the frontier: one exchange per page at most (the outcome rides with the request
 * for the next task), and outcomes that finish together travel together. The frontier here is a stand-in on the
 * lease address that hands out a fixed list of tasks and counts what arrives.
 */
class FetchSlotsExchangeTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    private final CrawlAddresses addresses = new CrawlAddresses("slots-test");

    /** Hands out {@code tasks} tasks as asked, parks an ask when none is left, says finished once all are in. */
    private static final class StandIn {
        final int tasks;
        final List<Integer> outcomesPerExchange = new ArrayList<>();
        final List<Long> reported = new ArrayList<>();
        final List<Message<Exchange>> parked = new ArrayList<>();
        long next = 1;

        StandIn(int tasks) {
            this.tasks = tasks;
        }

        void onExchange(Message<Exchange> m) {
            Exchange e = m.body();
            outcomesPerExchange.add(e.outcomes().size());
            e.outcomes().forEach(o -> reported.add(o.task().leaseId()));
            boolean allIn = reported.size() == tasks;
            if (allIn) {
                parked.forEach(p -> p.reply(new Lease(List.of(), true)));
                parked.clear();
            }
            List<FetchTask> out = new ArrayList<>();
            while (out.size() < e.max() && next <= tasks) {
                out.add(new FetchTask(next, "http://127.0.0.1:1/" + next++, 0, 1, 0, FetchTask.Kind.PAGE));
            }
            if (!out.isEmpty() || e.max() == 0 || allIn) {
                m.reply(new Lease(out, allIn));
            } else {
                parked.add(m);
            }
        }
    }

    private StandIn crawl(int tasks, int slots, Function<FetchTask, Future<FetchOutcome>> work) {
        return crawl(tasks, slots, work, () -> true);
    }

    private StandIn crawl(int tasks, int slots, Function<FetchTask, Future<FetchOutcome>> work,
                          BooleanSupplier acting) {
        Vertx vertx = kit.vertx();
        BusCodecs.register(vertx);
        StandIn frontier = new StandIn(tasks);
        await(vertx.eventBus().<Exchange>consumer(addresses.lease(), frontier::onExchange).completion());
        Context context = vertx.getOrCreateContext();
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> new FetchSlots(vertx, new FrontierClient(vertx, addresses, "f"), slots,
                Mode.ASYNC, work).gatedBy(acting).run().onComplete(done));
        await(done.future());
        return frontier;
    }

    private static FetchOutcome fetched(FetchTask task) {
        FetchResult result = new FetchResult(200, "text/html", null, new byte[0], 10, false, null, -1, null, 1);
        return new FetchOutcome(task, result, ParsedPage.EMPTY, Mode.ASYNC);
    }

    @Test
    void oneSlotCostsOneExchangePerPageThatCarriesTheOutcomeAndAsksForTheNext() {
        StandIn frontier = crawl(20, 1, task -> Future.succeededFuture(fetched(task)));

        assertThat(frontier.reported).hasSize(20).doesNotHaveDuplicates();
        // the first ask carries nothing; every later exchange hands in one page and asks for the next
        assertThat(frontier.outcomesPerExchange).hasSize(21).startsWith(0).containsOnly(0, 1);
    }

    @Test
    void outcomesThatFinishTogetherTravelInOneExchange() {
        List<Promise<FetchOutcome>> running = new ArrayList<>();
        List<FetchTask> leased = new ArrayList<>();
        StandIn frontier = crawl(4, 4, task -> {
            Promise<FetchOutcome> p = Promise.promise();
            running.add(p);
            leased.add(task);
            if (running.size() == 4) { // all four finish in one turn of the event loop
                Vertx.currentContext().runOnContext(v -> {
                    for (int i = 0; i < 4; i++) {
                        running.get(i).complete(fetched(leased.get(i)));
                    }
                });
            }
            return p.future();
        });

        assertThat(frontier.reported).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(frontier.outcomesPerExchange).containsExactly(0, 4);
    }

    /** A node that stood still (PauseFence) turns a lease it got before the pause into no request after it. */
    @Test
    void onceTheNodeStopsActingNoLeasedTaskStarts() {
        AtomicBoolean acting = new AtomicBoolean(true);
        List<Long> started = new ArrayList<>();
        StandIn frontier = crawl(10, 1, task -> {
            started.add(task.leaseId());
            if (started.size() == 3) {
                acting.set(false); // the pause came while task 3 ran; task 4 is leased in the exchange after it
            }
            return Future.succeededFuture(fetched(task));
        }, acting::get);

        assertThat(started).containsExactly(1L, 2L, 3L);
        assertThat(frontier.next).as("task 4 was leased, and dropped").isEqualTo(5);
    }
}
