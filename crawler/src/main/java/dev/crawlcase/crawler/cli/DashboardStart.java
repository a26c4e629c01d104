package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.dashboard.Dashboard;
import dev.crawlcase.json.ConfigException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.util.concurrent.CompletionException;

/**
 * Starts a command's dashboard before any crawl and says where it is; a port that cannot be listened on (taken, or
 * reserved) is bad input: one line, exit 2, nothing crawled.
 */
final class DashboardStart {
    private DashboardStart() {
    }

    static Dashboard on(Vertx vertx, int port, int hosts, String title, PrometheusMeterRegistry registry,
                        PrintWriter err) {
        Dashboard dashboard;
        try {
            dashboard = Dashboard.start(vertx, port, title, registry, hosts).toCompletionStage().toCompletableFuture()
                    .join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException("--dashboard", "cannot listen on 127.0.0.1:" + port + ": " + cause.getMessage());
        }
        err.println("crawler: dashboard at " + dashboard.url() + " (status: " + dashboard.url() + "status, metrics: "
                + dashboard.url() + "metrics)");
        return dashboard;
    }
}
