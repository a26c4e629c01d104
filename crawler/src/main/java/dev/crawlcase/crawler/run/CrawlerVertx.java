package dev.crawlcase.crawler.run;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.EnumSet;
import java.util.Optional;

/**
 * The Vert.x instance a crawl runs on. Class-path file resolution is off: the crawler only writes plain files,
 * and the resolver's cache directory is removed by Vert.x's own shutdown hook, which would make the last writes
 * of a Ctrl-C stop (the summary) fail.
 */
public final class CrawlerVertx {
    private CrawlerVertx() {
    }

    public static Vertx create() {
        return builder(options(), Optional.empty()).build();
    }

    /** A crawler Vert.x whose own meters go to {@code registry} (see {@link #builder}). */
    public static Vertx create(PrometheusMeterRegistry registry) {
        return builder(options(), Optional.of(registry)).build();
    }

    /**
     * A builder of a crawler Vert.x with {@code options} (made from {@link #options()}), clustered or not. When
     * {@code meteredInto} is given, Vert.x's own meters (HTTP client and server, pools, event bus, workers, the JVM)
     * go to it; only for a watched crawl, so an unwatched one pays nothing. Remote addresses and paths are not
     * labels: a crawl meets any number of hosts and URLs, and a series per host would grow without bound.
     */
    public static VertxBuilder builder(VertxOptions options, Optional<PrometheusMeterRegistry> meteredInto) {
        if (meteredInto.isEmpty()) {
            return Vertx.builder().with(options);
        }
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME,
                        Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE, Label.CLIENT_NAME, Label.NAMESPACE));
        return Vertx.builder().with(options.setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(meteredInto.get()));
    }

    /** The options every crawler Vert.x starts from, clustered or not. */
    public static VertxOptions options() {
        return new VertxOptions().setFileSystemOptions(
                new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false));
    }
}
