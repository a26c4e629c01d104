package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What threads the blocking fetcher adds, the async fetcher awaited from a virtual-thread verticle, and the async
 * fetcher's callbacks on its caller's event loop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FetcherThreadsAndContextsTest {

    /** Cold JDK client plus 16 parallel first connections on a 2-core box can exceed the contract's 800 ms. */
    private static final FetchLimits GENEROUS = new FetchLimits(10_000, 20_000, 30_000, 1 << 20, 1 << 20,
            FetchLimits.DEFAULT_USER_AGENT, false);

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    private Vertx vertx;
    private ScenarioServers servers;

    @BeforeAll
    void start() throws Exception {
        vertx = kit.vertx();
        servers = ScenarioServers.start(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void blockingFetcherAddsOnlyItsSelectorAndItsSmallExecutor() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try (BlockingFetcher fetcher = new BlockingFetcher(GENEROUS, 2)) {
            List<Callable<FetchResult>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> fetcher.fetch(new FetchTask(1, servers.url("/page.html"), 0, 1, 0,
                        FetchTask.Kind.PAGE)));
            }
            for (java.util.concurrent.Future<FetchResult> f : callers.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                assertThat(f.get().error()).isNull();
            }
            // Other test classes' Vert.x instances may start unrelated threads meanwhile; look at the JDK client's own.
            List<String> added = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t))
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("HttpClient-") || name.startsWith("crawlcase-jdkhttp-"))
                    .collect(Collectors.toList());
            assertThat(added).hasSizeLessThanOrEqualTo(3)
                    .noneMatch(name -> name.contains("-Worker-"))
                    .filteredOn(name -> name.endsWith("-SelectorManager")).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void asyncFetcherCanBeAwaitedOnAVirtualThreadVerticle() throws Exception {
        AsyncFetcher fetcher = new AsyncFetcher(vertx, FetcherContractTest.LIMITS, 4);
        List<FetchResult> results = new ArrayList<>();
        VerticleBase verticle = new VerticleBase() {
            @Override
            public Future<?> start() {
                assertThat(Vertx.currentContext().threadingModel()).isEqualTo(ThreadingModel.VIRTUAL_THREAD);
                results.add(fetcher.fetch(task("/page.html")).await());
                results.add(fetcher.fetch(task("/slow-head")).await());
                return Future.succeededFuture();
            }
        };
        vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                .compose(vertx::undeploy)
                .compose(v -> fetcher.close())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(results).extracting(FetchResult::status).containsExactly(200, 0);
        assertThat(results.get(1).error()).isEqualTo(ErrorKind.TIMEOUT_FIRST_BYTE);
    }

    /** The pool spreads its connections over the event loops, but every callback comes back on the caller's loop. */
    @Test
    void asyncFetchesCompleteOnTheCallersEventLoopContext() throws Exception {
        AsyncFetcher fetcher = new AsyncFetcher(vertx, FetcherContractTest.LIMITS, 8);
        List<Boolean> sameContext = new ArrayList<>();
        VerticleBase verticle = new VerticleBase() {
            @Override
            public Future<?> start() {
                List<Future<FetchResult>> fetches = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    fetches.add(fetcher.fetch(task("/page.html")).andThen(ar -> sameContext.add(
                            Vertx.currentContext() == context && context.isEventLoopContext())));
                }
                return Future.all(fetches);
            }
        };
        vertx.deployVerticle(verticle)
                .compose(vertx::undeploy)
                .compose(v -> fetcher.close())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(sameContext).hasSize(8).containsOnly(true);
    }

    private FetchTask task(String path) {
        return new FetchTask(1, servers.url(path), 0, 1, 0, FetchTask.Kind.PAGE);
    }
}
