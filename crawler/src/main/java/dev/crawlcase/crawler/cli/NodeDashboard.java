package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.dashboard.CrawlNow;
import dev.crawlcase.crawler.dashboard.Dashboard;
import dev.crawlcase.crawler.dashboard.NodeView;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.run.ShardedRun;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.io.PrintWriter;

/**
 * The dashboard of one equal node of a sharded crawl ({@code cluster --role node --dashboard}): the figures, host
 * table and slots of every part it runs (its own, and any it takes over: summed), and a cluster table with a row for every watched node of the crawl
 * ({@link NodeRoster}): which part it runs, in which mode, at what rate. Its
 * {@code /metrics} has Vert.x's own series when the node's clustered Vert.x was metered into the same registry.
 */
final class NodeDashboard {
    private final Dashboard dashboard;
    private final ShardedRun run;
    private final NodeRoster roster;

    private NodeDashboard(Dashboard dashboard, ShardedRun run, NodeRoster roster) {
        this.dashboard = dashboard;
        this.run = run;
        this.roster = roster;
    }

    /**
     * Starts it (a port that cannot be listened on is bad input) and follows the node's parts of {@code run}:
     * {@code part} (-1: a node that joined with none yet), and each part {@code run} starts here. Call before the
     * run starts.
     */
    static NodeDashboard start(Vertx vertx, DashboardOption asked, PrometheusMeterRegistry registry, ShardedRun run,
                               CrawlAddresses crawl, int part, int parts, String mode, boolean exporter, PrintWriter err) {
        Dashboard dashboard = DashboardStart.on(vertx, asked.requested().orElseThrow(), asked.hosts(), "cluster",
                registry, err);
        run.watched(dashboard.hostsShown());
        String name = part < 0 ? "no part yet of " + parts : "part " + part + " of " + parts;
        dashboard.follow(vertx.eventBus(), crawl.part(part), name + ", " + mode, run::now);
        run.onPart(started -> dashboard.followAlso(vertx.eventBus(), crawl.part(started)));
        String role = "node" + (exporter ? ", writes the records" : "");
        NodeRoster roster = NodeRoster.start(vertx, crawl, () -> new NodeView(name, role, mode,
                run.now(0).map(CrawlNow::summary).map(RunSummary::pagesPerSecond).orElse(0.0)));
        dashboard.cluster(roster::nodes);
        return new NodeDashboard(dashboard, run, roster);
    }

    /** The crawl ended: the page shows this node's last figures (its own records) as final. */
    void finished() {
        roster.close();
        run.now(0).map(CrawlNow::summary).ifPresent(dashboard::finished);
    }
}
