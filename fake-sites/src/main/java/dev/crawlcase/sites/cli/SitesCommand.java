package dev.crawlcase.sites.cli;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.ConfigFile;
import dev.crawlcase.json.OutputPaths;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.sites.config.WorldConfigLoader;
import dev.crawlcase.sites.hostile.HostileWorld;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sites}: serves the fake world until Ctrl-C. Usable alone or as a subcommand of the crawler's CLI. */
@Command(name = "sites", mixinStandardHelpOptions = true, versionProvider = SitesVersion.class,
        description = "Serve the fake web sites on 127.0.0.1 until Ctrl-C.")
public final class SitesCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_CONFIG = 2;
    /** The manifest could not be written in full (the crawler's "output failed" code, the same number). */
    public static final int OUTPUT_FAILED = 3;
    static final int MAX_EVENT_LOOPS = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "World config (default: config/sites.json if present, else the bundled world).")
    Path config;

    @Option(names = "--bundled-config", paramLabel = "NAME", hidden = true,
            description = "Serve the world bundled in the jar under this name (compare's quick world in a child JVM).")
    String bundledConfig;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Write base URLs and the ground truth of a default-rules crawl to FILE as JSON (missing"
                    + " folders are made).")
    String manifest;

    @Option(names = "--ephemeral-ports",
            description = "Bind every site to a free port instead of its configured one (the URLs are printed).")
    boolean ephemeralPorts;

    @Option(names = "--event-loops", paramLabel = "N", defaultValue = "1",
            description = "Serve each site from N event loops sharing its port (default: ${DEFAULT-VALUE}, a small "
                    + "single-threaded server; give one per core when the server must not be the bottleneck).")
    int eventLoops;

    @Option(names = "--hostile",
            description = "Serve the hostile world instead (servers that misbehave on purpose, each case on a free "
                    + "port); --manifest then writes the record a correct crawler writes for each of its URLs.")
    boolean hostile;

    @Option(names = "--control-stdin", hidden = true,
            description = "Read commands from stdin: 'reset' zeroes the counters (so the same faults happen again) "
                    + "and answers 'reset done'. For tools that run several crawls against one process.")
    boolean controlStdin;

    @Option(names = "--exit-after-start", hidden = true,
            description = "Start, print, write the manifest, then stop (for scripts and tests).")
    boolean exitAfterStart;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (eventLoops < 1 || eventLoops > MAX_EVENT_LOOPS) {
            err.println("error: --event-loops must be between 1 and " + MAX_EVENT_LOOPS + ", not " + eventLoops);
            err.flush();
            return BAD_CONFIG;
        }
        Path manifestFile;
        try {
            // before any site listens: a manifest that can never be written is bad input, not a late failure
            manifestFile = manifest == null ? null
                    : OutputPaths.file("--manifest", OutputPaths.fileNamed("--manifest", manifest));
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BAD_CONFIG;
        }
        if (hostile) {
            return serveHostile(out, err, manifestFile);
        }
        WorldConfig world;
        try {
            world = WorldConfigLoader.load(bundledConfig != null ? ConfigFile.bundled(bundledConfig)
                    : ConfigFile.find(config, "sites.json"));
            if (ephemeralPorts) {
                world = world.withEphemeralPorts();
            }
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BAD_CONFIG;
        }
        Vertx vertx = Vertx.builder().build();
        FakeWorld running;
        try {
            running = FakeWorld.start(vertx, world, eventLoops).await();
        } catch (Exception e) {
            err.println("error: cannot start the sites: " + e.getMessage());
            err.flush();
            vertx.close().await();
            return FAILED;
        }
        running.baseUrls().forEach((name, url) -> out.println("site " + name + " " + url));
        out.flush();
        if (manifestFile != null && !written(running.manifest(CrawlRules.defaults()), manifestFile, err)) {
            running.close().compose(v -> vertx.close()).await();
            return OUTPUT_FAILED;
        }
        if (controlStdin) {
            StdinControl.start(running, out);
        }
        if (!exitAfterStart) {
            awaitShutdown(running::close, vertx);
            return OK;
        }
        running.close().compose(v -> vertx.close()).await();
        return OK;
    }

    private Integer serveHostile(PrintWriter out, PrintWriter err, Path manifestFile) throws Exception {
        Vertx vertx = Vertx.builder().build();
        HostileWorld running;
        try {
            running = HostileWorld.start(vertx).await();
        } catch (Exception e) {
            err.println("error: cannot start the hostile world: " + e.getMessage());
            err.flush();
            vertx.close().await();
            return FAILED;
        }
        running.bases().forEach((name, url) -> out.println("hostile " + name + " " + url + "/"));
        out.flush();
        if (manifestFile != null) {
            JsonObject expected = new JsonObject();
            running.expected().forEach((url, record) -> expected.put(url, record.toString()));
            if (!written(new JsonObject().put("expected", expected), manifestFile, err)) {
                running.close().compose(v -> vertx.close()).await();
                return OUTPUT_FAILED;
            }
        }
        if (!exitAfterStart) {
            awaitShutdown(running::close, vertx);
            return OK;
        }
        running.close().compose(v -> vertx.close()).await();
        return OK;
    }

    /**
     * Writes a manifest whole or not at all (a full disk leaves no torn JSON behind); false, after one line on
     * {@code err}, when it could not.
     */
    private static boolean written(JsonObject json, Path file, PrintWriter err) {
        try {
            OutputPaths.writeWhole(file, json.encodePrettily().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: --manifest " + file + ": cannot be written (" + OutputPaths.reason(e) + ")");
            err.flush();
            return false;
        }
    }

    private static void awaitShutdown(Supplier<Future<Void>> close, Vertx vertx)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.get().compose(v -> vertx.close()).await();
            stopped.countDown();
        }, "sites-shutdown"));
        stopped.await();
    }
}
