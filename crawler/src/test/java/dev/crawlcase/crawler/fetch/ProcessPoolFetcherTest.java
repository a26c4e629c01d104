package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process pool: fetches in worker JVMs, replaces a worker that dies, and leaves no worker behind. */
class ProcessPoolFetcherTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    private static FetchTask task(String url) {
        return new FetchTask(1, url, 0, 1, 0, FetchTask.Kind.PAGE);
    }

    private static FetchLimits limits() {
        return new FetchLimits(2_000, 20_000, 30_000, 1 << 20, 1 << 16, FetchLimits.DEFAULT_USER_AGENT, false);
    }

    /** A pool of its own: the test JVM's shared shelf ({@link WorkerShelf#PROPERTY}) stays out of these cases. */
    private static ProcessPoolFetcher pool(WorkerShelf shelf) {
        return new ProcessPoolFetcher(limits(), ProcessPoolFetcher.workerCommand(), shelf);
    }

    @Test
    void aShelfHandsAPoolsIdleWorkersToTheNextPoolWithTheSameLimitsOnly() {
        WorkerShelf shelf = WorkerShelf.keeping(1);
        long first;
        try (ProcessPoolFetcher pool = pool(shelf)) {
            pool.startOne();
            first = pool.pids().get(0);
        }
        assertTrue(ProcessHandle.of(first).orElseThrow().isAlive(), "the shelf keeps the idle worker");
        try (ProcessPoolFetcher other = new ProcessPoolFetcher(limits().withHttpVersion(HttpVersionChoice.AUTO),
                ProcessPoolFetcher.workerCommand(), shelf)) {
            other.startOne();
            assertNotEquals(first, other.pids().get(0), "a worker with other limits is not taken");
        }
        // the other pool's worker pushed the first one off the full shelf: it ended
        ProcessHandle.of(first).ifPresent(p -> p.onExit().orTimeout(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS)
                .join());
        long second;
        try (ProcessPoolFetcher same = pool(shelf)) {
            same.startOne();
            second = same.pids().get(0);
        }
        HttpServer server = CrawlcaseExtension.await(kit.vertx().createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(r -> r.response().putHeader("content-type", "text/html").end("<p>kept"))
                .listen(0));
        try (ProcessPoolFetcher again = pool(shelf)) {
            again.startOne();
            assertEquals(second, again.pids().get(0), "the same limits take the kept worker: no JVM start");
            // the worker outlived the pool that started it, and still fetches (and is watched) for its new pool
            FetchResult kept = again.fetch(task("http://127.0.0.1:" + server.actualPort() + "/"));
            assertNull(kept.error());
            assertEquals("<p>kept", new String(kept.body(), StandardCharsets.UTF_8));
        }
        shelf.take(WorkerLines.limits(limits())).close(CrawlcaseExtension.BOUND_S * 1_000L);
    }

    @Test
    void fetchesInAnotherProcessAndReusesIt() throws Exception {
        Vertx vertx = kit.vertx();
        HttpServer server = CrawlcaseExtension.await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(r -> r.response().putHeader("content-type", "text/html").end("<p>" + r.path()))
                .listen(0));
        String base = "http://127.0.0.1:" + server.actualPort();
        try (ProcessPoolFetcher pool = pool(WorkerShelf.NONE)) {
            FetchResult first = pool.fetch(task(base + "/a"));
            FetchResult second = pool.fetch(task(base + "/b"));
            assertNull(first.error());
            assertEquals(200, first.status());
            assertEquals("<p>/a", new String(first.body(), StandardCharsets.UTF_8));
            assertEquals("<p>/b", new String(second.body(), StandardCharsets.UTF_8));
            List<Long> pids = pool.pids();
            assertEquals(1, pids.size(), "one sequential caller needs one worker, started once");
            assertNotEquals(ProcessHandle.current().pid(), pids.get(0));
        }
    }

    @Test
    void aWorkerThatDiesFailsItsTaskAsRetryableAndIsReplaced() throws Exception {
        Vertx vertx = kit.vertx();
        AtomicInteger killed = new AtomicInteger();
        ProcessPoolFetcher pool = pool(WorkerShelf.NONE);
        try (pool) {
            HttpServer server = CrawlcaseExtension.await(vertx.createHttpServer(
                            new HttpServerOptions().setHost("127.0.0.1"))
                    .requestHandler(r -> {
                        if (r.path().equals("/die")) {
                            // the worker dies while its request is open; the request is never answered
                            pool.pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(p -> {
                                killed.incrementAndGet();
                                p.destroyForcibly();
                            }));
                        } else {
                            r.response().putHeader("content-type", "text/html").end("<p>ok");
                        }
                    })
                    .listen(0));
            String base = "http://127.0.0.1:" + server.actualPort();
            pool.startOne();
            long dead = pool.pids().get(0);
            FetchResult died = pool.fetch(task(base + "/die"));
            assertEquals(1, killed.get());
            assertEquals(ErrorKind.IO, died.error());
            assertTrue(died.error().retryable());
            assertTrue(pool.pids().isEmpty(), "the dead worker is forgotten");
            FetchResult next = pool.fetch(task(base + "/"));
            assertNull(next.error());
            assertEquals(200, next.status());
            assertEquals(1, pool.pids().size());
            assertNotEquals(dead, pool.pids().get(0), "a new worker took the dead one's place");
        }
    }

    @Test
    void closeEndsEveryWorker() throws Exception {
        ProcessPoolFetcher pool = pool(WorkerShelf.NONE);
        pool.startOne();
        List<ProcessHandle> workers = pool.pids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
        pool.close();
        for (ProcessHandle worker : workers) {
            worker.onExit().get(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS);
        }
        assertTrue(pool.pids().isEmpty());
    }

    /** What happens when the crawler dies: the worker's stdin ends, and so does the worker, cleanly. */
    @Test
    void aWorkerEndsWithExitZeroWhenItsInputEnds() throws Exception {
        readyThenExitZero(ProcessPoolFetcher.workerCommand());
    }

    /**
     * The JVM's own warnings stay off the protocol's pipe: here large pages asked for on a machine without them (the
     * JVM warns at start), as a stale perf-data file of a reused pid once did, answered before "ready".
     */
    @Test
    void aWorkerJvmsOwnWarningsDoNotReachThePipe() throws Exception {
        List<String> command = new ArrayList<>(ProcessPoolFetcher.workerCommand());
        command.add(1, "-XX:+UseLargePages");
        readyThenExitZero(command);
    }

    private static void readyThenExitZero(List<String> command) throws Exception {
        Process worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            OutputStream in = worker.getOutputStream();
            in.write((WorkerLines.limits(limits()) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals(WorkerLines.READY, out.readLine());
            in.close();
            assertTrue(worker.waitFor(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS), "the worker outlived its input");
            assertEquals(0, worker.exitValue());
        } finally {
            worker.destroyForcibly();
        }
    }
}
