package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing leaves the fetch loop's context and runs in parallel: two parses that each wait for the other can only
 * both finish if they run at the same time. From a virtual-thread verticle this is the point (its context runs one
 * virtual thread at a time, so inline parses would queue behind each other).
 */
class ParsePoolTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    private final Set<String> parseThreads = ConcurrentHashMap.newKeySet();
    private final CyclicBarrier bothRunning = new CyclicBarrier(2);
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = kit.vertx();
    }

    @Test
    void parsesFromAnEventLoopRunInParallelOffTheLoop() throws Exception {
        assertThat(parseTwiceFrom(ThreadingModel.EVENT_LOOP)).hasSize(2);
        assertThat(parseThreads).hasSize(2).allMatch(name -> name.startsWith("crawl-parse-"));
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void parsesAwaitedFromAVirtualThreadVerticleRunInParallel() throws Exception {
        assertThat(parseTwiceFrom(ThreadingModel.VIRTUAL_THREAD)).hasSize(2);
        assertThat(parseThreads).hasSize(2).allMatch(name -> name.startsWith("crawl-parse-"));
    }

    @Test
    void responsesThatNeedNoParsingStayOnTheCallersThread() throws Exception {
        ParsePool pool = new ParsePool(vertx, "crawl-parse-test", this::meet);
        FetchOutcome outcome = pool.process(task(), FetchResult.failure(ErrorKind.RESET, 1))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(outcome.result().error()).isEqualTo(ErrorKind.RESET);
        assertThat(parseThreads).containsExactly(Thread.currentThread().getName());
    }

    /** The test's "parser": returns only once the other parse is running too (or fails after 10 s). */
    private FetchOutcome meet(FetchTask task, FetchResult result) {
        parseThreads.add(Thread.currentThread().getName());
        if (result.error() == null) {
            try {
                bothRunning.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the two parses did not run at the same time", e);
            }
        }
        return new FetchOutcome(task, result, ParsedPage.EMPTY, Mode.ASYNC);
    }

    private List<FetchOutcome> parseTwiceFrom(ThreadingModel model) throws Exception {
        ParsePool pool = new ParsePool(vertx, "crawl-parse-test", this::meet);
        List<FetchOutcome> outcomes = new CopyOnWriteArrayList<>();
        VerticleBase caller = new VerticleBase() {
            @Override
            public Future<?> start() {
                if (model == ThreadingModel.VIRTUAL_THREAD) {
                    // two workers, each awaiting its parse: the same shape as VirtualVerticle's loops
                    return Future.all(worker(pool, outcomes), worker(pool, outcomes));
                }
                return Future.all(pool.process(task(), html()), pool.process(task(), html()))
                        .onSuccess(all -> outcomes.addAll(all.<FetchOutcome>list()));
            }
        };
        vertx.deployVerticle(caller, new DeploymentOptions().setThreadingModel(model))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return outcomes;
    }

    private Future<Void> worker(ParsePool pool, List<FetchOutcome> outcomes) {
        Promise<Void> done = Promise.promise();
        Vertx.currentContext().runOnContext(v -> {
            outcomes.add(pool.process(task(), html()).await());
            done.complete();
        });
        return done.future();
    }

    private static FetchTask task() {
        return new FetchTask(1, "http://127.0.0.1:1/a.html", 0, 1, 0, FetchTask.Kind.PAGE);
    }

    private static FetchResult html() {
        byte[] body = "<html><a href=/b>b</a></html>".getBytes(StandardCharsets.UTF_8);
        return new FetchResult(200, "text/html", "UTF-8", body, body.length, false, null, -1, null, 1);
    }
}
