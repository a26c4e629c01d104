package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.compare.Comparison;
import dev.crawlcase.crawler.dashboard.Dashboard;
import dev.crawlcase.crawler.run.CrawlerVertx;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.util.OptionalInt;

/**
 * compare's dashboard: its own Vert.x, since each measured crawl gets a fresh one and the page must outlive them.
 * Its {@code /metrics} has the crawl's series and the JVM's; Vert.x's series there are the dashboard's own.
 */
final class CompareDashboard implements AutoCloseable {
    private final Vertx vertx;
    private final Dashboard dashboard;

    private CompareDashboard(Vertx vertx, Dashboard dashboard) {
        this.vertx = vertx;
        this.dashboard = dashboard;
    }

    /** Started before anything else, so that a taken port is bad input before the sites start. */
    static CompareDashboard open(OptionalInt port, int hosts, PrintWriter err) {
        if (port.isEmpty()) {
            return new CompareDashboard(null, null);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = CrawlerVertx.create(registry);
        try {
            return new CompareDashboard(vertx,
                    DashboardStart.on(vertx, port.getAsInt(), hosts, "compare", registry, err));
        } catch (RuntimeException e) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            throw e;
        }
    }

    void show(Comparison comparison) {
        if (dashboard != null) {
            comparison.watchedBy(dashboard);
        }
    }

    @Override
    public void close() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
