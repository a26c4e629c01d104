package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.dashboard.Dashboard;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A watched comparison puts each measured crawl on the dashboard's ladder, in order, with its own summary. */
class ComparisonDashboardTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void theLadderHoldsEveryMeasuredCrawlButTheWarmUp() {
        Vertx vertx = kit.vertx();
        FakeWorld sites = await(FakeWorld.start(vertx, WorldConfig.of(3, SiteSpec.named("s").withPages(20, 3))));
        Dashboard dashboard = await(Dashboard.start(vertx, 0, "compare",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        List<RunResult> results;
        try (Comparison comparison = Comparison.ofRunningSites(TestConfig.crawl().outputIn(dir).load(dir),
                sites.seedUrls(), dir.resolve("runs"), new PrintWriter(new StringWriter()))) {
            results = comparison.watchedBy(dashboard).runAll(List.of(Mode.SEQUENTIAL, Mode.ASYNC), 4, List.of(),
                    note -> { });
        }

        JsonObject status = await(vertx.createHttpClient().request(HttpMethod.GET, dashboard.port(), "127.0.0.1",
                "/status").compose(r -> r.send()).compose(r -> r.body())).toJsonObject();
        assertThat(status.getString("state")).isEqualTo("finished");
        assertThat(status.getJsonArray("ladder").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("crawl") + " " + r.getJsonObject("summary").getLong("pages")).toList())
                .containsExactlyElementsOf(results.stream()
                        .map(r -> r.mode().label() + " " + r.concurrency() + " " + r.summary().pages()).toList());
    }
}
