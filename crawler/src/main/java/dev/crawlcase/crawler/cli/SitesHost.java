package dev.crawlcase.crawler.cli;

import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.sites.config.WorldConfigLoader;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.ConfigFile;
import io.vertx.core.Vertx;

import java.net.BindException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

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

    /** Loads the world (on disk or bundled in the jar) and starts it. */
    static SitesHost start(ConfigFile file) {
        WorldConfig config = WorldConfigLoader.load(file);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread starter = new Thread(THREADS, () -> {
            Vertx v = Vertx.builder().build();
            try {
                FakeWorld w = FakeWorld.start(v, config).toCompletionStage().toCompletableFuture().join();
                result.set(new SitesHost(v, w));
            } catch (RuntimeException e) {
                v.close();
                result.set(portClash(e, config));
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

    /** A port already in use is bad input worded with the port and the fix, not a raw BindException. */
    private static RuntimeException portClash(RuntimeException e, WorldConfig config) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                String ports = config.sites().stream().filter(site -> site.port() > 0)
                        .map(site -> String.valueOf(site.port())).collect(Collectors.joining(", "));
                return new ConfigException("sites", "port already in use (configured ports: " + ports
                        + "); stop what listens there, or set the ports to 0 in the sites config"
                        + " (the sites command: --ephemeral-ports)");
            }
        }
        return e;
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
