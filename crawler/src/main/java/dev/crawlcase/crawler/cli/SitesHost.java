package dev.crawlcase.crawler.cli;

import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.sites.config.WorldConfigLoader;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bundled fake sites running in this JVM on a Vert.x instance of their own, whose threads live in their
 * own thread group so that the crawler's thread counts can leave them out.
 */
final class SitesHost implements AutoCloseable {
    static final ThreadGroup THREADS = new ThreadGroup("crawlcase-sites");

    private final Vertx vertx;
    private final FakeWorld world;

    private SitesHost(Vertx vertx, FakeWorld world) {
        this.vertx = vertx;
        this.world = world;
    }

    /** Loads the world (a file, or the bundled one when {@code file} is null) and starts it. */
    static SitesHost start(Path file) {
        WorldConfig config = file == null ? bundled() : WorldConfigLoader.load(file);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread starter = new Thread(THREADS, () -> {
            try {
                Vertx v = Vertx.builder().build();
                FakeWorld w = FakeWorld.start(v, config).toCompletionStage().toCompletableFuture().join();
                result.set(new SitesHost(v, w));
            } catch (RuntimeException e) {
                result.set(e);
            }
        }, "crawlcase-sites-starter");
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the fake sites", e);
        }
        if (result.get() instanceof RuntimeException e) {
            throw e;
        }
        return (SitesHost) result.get();
    }

    private static WorldConfig bundled() {
        try (InputStream in = SitesHost.class.getResourceAsStream("/config/sites.json")) {
            return WorldConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeWorld world() {
        return world;
    }

    /** Live threads that belong to the sites, not to the crawler. */
    static int threadCount() {
        return THREADS.activeCount();
    }

    @Override
    public void close() {
        world.close().eventually(vertx::close).toCompletionStage().toCompletableFuture().join();
    }
}
