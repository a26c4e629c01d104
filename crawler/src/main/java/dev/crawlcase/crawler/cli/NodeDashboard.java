package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.dashboard.CrawlNow;
import dev.crawlcase.crawler.dashboard.Dashboard;
import dev.crawlcase.crawler.dashboard.NodeView;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.run.ShardedRun;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.util.List;

/**
 * The dashboard of one equal node of a sharded crawl ({@code cluster --role node --dashboard}): its own part's
 * figures, host table and slots, and a cluster row saying which part it runs, in which mode, at what rate. The
 * node's Vert.x is the cluster's, made before the dashboard was asked for, so {@code /metrics} has the crawl's and
 * the JVM's series but not Vert.x's own.
 */
final class NodeDashboard {
    private final Dashboard dashboard;
    private final ShardedRun run;

    private NodeDashboard(Dashboard dashboard, ShardedRun run) {
        this.dashboard = dashboard;
        this.run = run;
    }

    /** Starts it (a port that cannot be listened on is bad input) and follows the node's part of {@code run}. */
    static NodeDashboard start(Vertx vertx, DashboardOption asked, ShardedRun run, CrawlAddresses crawl, int part,
                               int parts, String mode, boolean exporter, PrintWriter err) {
        Dashboard dashboard = DashboardStart.on(vertx, asked.requested().orElseThrow(), asked.hosts(), "cluster",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), err);
        run.watched(dashboard.hostsShown());
        String name = "part " + part + " of " + parts;
        dashboard.follow(vertx.eventBus(), crawl.part(part), name + ", " + mode, run::now);
        String role = "node" + (exporter ? ", writes the records" : "");
        dashboard.cluster(() -> List.of(new NodeView(name, role, mode,
                run.now(0).map(CrawlNow::summary).map(RunSummary::pagesPerSecond).orElse(0.0))));
        return new NodeDashboard(dashboard, run);
    }

    /** The crawl ended: the page shows this node's last figures (its own records) as final. */
    void finished() {
        run.now(0).map(CrawlNow::summary).ifPresent(dashboard::finished);
    }
}
