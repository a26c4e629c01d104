package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlerVertx;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.WorldConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;

/**
 * What a live-view test starts with: fake sites on a Vert.x of their own (so their server meters never mix with the
 * crawler's), and a dashboard on a crawler Vert.x with Micrometer.
 *
 * @param outside the sites' Vert.x, also the test's HTTP client's
 */
record Watched(Vertx outside, FakeWorld sites, Vertx vertx, Dashboard dashboard) {
    static Watched start(CrawlcaseExtension kit, WorldConfig world) {
        Vertx outside = kit.vertx();
        FakeWorld sites = await(FakeWorld.start(outside, world));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = kit.adopt(CrawlerVertx.create(registry));
        return new Watched(outside, sites, vertx, await(Dashboard.start(vertx, 0, "run", registry)));
    }

    /** A crawl of {@code config} that the dashboard follows under {@code label}, host view and slots included. */
    CrawlRunner follow(CrawlConfig config, String label) {
        CrawlRunner runner = new CrawlRunner(vertx, config, () -> 0).watched(dashboard.hostsShown());
        await(dashboard.follow(vertx.eventBus(), runner.addresses(), label, runner));
        return runner;
    }
}
