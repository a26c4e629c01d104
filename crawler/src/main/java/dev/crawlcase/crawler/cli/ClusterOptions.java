package dev.crawlcase.crawler.cli;

import com.hazelcast.config.Config;
import dev.crawlcase.crawler.cluster.ClusterVertx;
import dev.crawlcase.crawler.cluster.HazelcastConfig;
import dev.crawlcase.json.ConfigException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** {@code --cluster-host} and {@code --cluster-config}: how this node joins the others. */
final class ClusterOptions {
    @Option(names = "--cluster-host", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "Address this node's event bus listens on and other nodes reach it at. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--cluster-config", paramLabel = "FILE",
            description = "Hazelcast XML. Default: config/cluster.xml if present, else the bundled one (loopback only).")
    Path file;

    /** Reads the Hazelcast config now, so a bad file is reported before anything starts. */
    Config hazelcast() {
        if (host.isBlank()) {
            throw new ConfigException("--cluster-host", "must not be empty");
        }
        return HazelcastConfig.load(file);
    }

    /**
     * Joins the cluster; blocks the calling (main) thread until this node is a member. Hazelcast refuses some
     * settings only now, while starting the member: that is still bad input, worded in one line.
     */
    Vertx join(Config hazelcast) {
        return join(hazelcast, Optional.empty());
    }

    /** Like {@link #join(Config)}, Vert.x's own meters going to {@code meteredInto} when given. */
    Vertx join(Config hazelcast, Optional<PrometheusMeterRegistry> meteredInto) {
        try {
            return ClusterVertx.start(hazelcast, host, meteredInto).toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst()
                    .orElse(cause.toString());
            throw new ConfigException("--cluster-config", HazelcastConfig.source(file)
                    + ": this node could not join with it (or with --cluster-host " + host + "): " + message);
        }
    }
}
