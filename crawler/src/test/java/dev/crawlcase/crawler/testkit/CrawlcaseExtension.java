package dev.crawlcase.crawler.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The crawler tests' one extension for what a test starts and must stop: Vert.x instances and crawler JVMs.
 * Whatever a test (or its {@code @BeforeEach}) gets from it is stopped after that test; whatever a
 * {@code @BeforeAll} gets is stopped after the class, which needs the extension registered where class callbacks
 * reach it (a static field, or an instance field of a {@code PER_CLASS} test):
 *
 * <pre>
 * &#64;RegisterExtension
 * final CrawlcaseExtension kit = new CrawlcaseExtension();
 * ...
 * Vertx vertx = kit.vertx();
 * </pre>
 *
 * Child JVMs are killed first, then every Vert.x instance is closed (their servers and clients with them), within
 * {@value #BOUND_S} s, before JUnit deletes the test's {@code @TempDir}. Several instances serve tests that keep the
 * sites apart from the crawl they serve, so the crawl can never slow its own servers.
 */
public final class CrawlcaseExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    /** How long a test waits for a future, and for its Vert.x instances to close. */
    public static final long BOUND_S = 60;

    private final Started ofClass = new Started();
    private Started ofTest;

    /** A new Vert.x instance with default options, closed after the test (or the class). */
    public Vertx vertx() {
        return adopt(Vertx.vertx());
    }

    /** Closes {@code vertx} with the others, for one a test did not get from {@link #vertx()} (a cluster node). */
    public synchronized Vertx adopt(Vertx vertx) {
        current().vertxes.add(vertx);
        return vertx;
    }

    /** A crawler JVM ({@link CrawlerProcess#start}), killed after the test (or the class) if still running. */
    public synchronized CrawlerProcess start(Path dir, String name, List<String> args) {
        return start(dir, name, List.of(), args);
    }

    /** Like {@link #start(Path, String, List)}, with extra JVM options (say a system property that forces a check). */
    public synchronized CrawlerProcess start(Path dir, String name, List<String> jvmOptions, List<String> args) {
        CrawlerProcess process = CrawlerProcess.start(dir, name, jvmOptions, args);
        current().processes.add(process);
        return process;
    }

    /** The future's result, or an {@link AssertionError} when it fails or takes more than {@value #BOUND_S} s. */
    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(BOUND_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("not done within " + BOUND_S + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        ofTest = new Started();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Started started;
        synchronized (this) {
            started = ofTest;
            ofTest = null;
        }
        started.stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ofClass.stop();
    }

    private Started current() {
        return ofTest != null ? ofTest : ofClass;
    }

    /** What one scope started, stopped in the order that lets nothing outlive what it depends on. */
    private static final class Started {
        final List<CrawlerProcess> processes = new ArrayList<>();
        final List<Vertx> vertxes = new ArrayList<>();

        void stop() {
            processes.forEach(CrawlerProcess::close);
            processes.clear();
            List<Future<Void>> closed = vertxes.stream().map(Vertx::close).toList();
            vertxes.clear();
            await(Future.join(closed));
        }
    }
}
