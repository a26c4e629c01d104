package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlerVertx;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard's endpoints from an HTTP client, around a real crawl: {@code /events} shows the figures rising while
 * it runs, {@code /status} then says exactly what summary.json says, and {@code /metrics} is Prometheus text whose
 * counters are the records file's, beside Vert.x's own series. The sites run on a Vert.x of their own, so their
 * server meters never mix with the crawler's.
 */
class DashboardEndpointsTest {
    /** One site, slow enough that the crawl spans several samples. */
    static final WorldConfig WORLD = WorldConfig.of(19, SiteSpec.named("watched").withPages(120, 4)
            .withLatency(Distribution.fixed(40)));

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void statusAndMetricsSayWhatTheRecordsSay() throws Exception {
        Vertx outside = kit.vertx();
        FakeWorld sites = await(FakeWorld.start(outside, WORLD));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = kit.adopt(CrawlerVertx.create(registry));
        Dashboard dashboard = await(Dashboard.start(vertx, 0, "run", registry));
        CrawlRunner runner = new CrawlRunner(vertx, config(sites), () -> 0);
        await(dashboard.follow(vertx.eventBus(), runner.addresses(), "async 4", runner));
        EventStream events = await(EventStream.open(outside, dashboard.port()));

        CrawlReport report = await(runner.run());
        dashboard.finished(report.summary());
        List<JsonObject> seen = await(events.untilFinished());

        List<CrawlRecord> records = RecordsFile.read(report.records());
        JsonObject status = await(Http.get(outside, dashboard.port(), "/status")).toJsonObject();
        assertThat(status.getString("state")).isEqualTo("finished");
        assertThat(status.getJsonObject("summary"))
                .isEqualTo(new JsonObject(Files.readString(report.summaryFile())));
        assertThat(status.getJsonObject("summary").getLong("records")).isEqualTo(records.size());

        List<JsonObject> running = seen.stream().filter(e -> "running".equals(e.getString("state"))).toList();
        List<Long> done = running.stream().map(e -> e.getJsonObject("summary").getLong("records")).toList();
        assertThat(done).as("records done, event by event, while the crawl ran").isSorted()
                .anyMatch(n -> n > 0 && n < records.size());
        assertThat(seen.get(seen.size() - 1).getJsonObject("summary")).isEqualTo(status.getJsonObject("summary"));

        PrometheusText metrics = PrometheusText.parse(await(Http.get(outside, dashboard.port(), "/metrics")).toString());
        Map<Outcome, Long> byOutcome = records.stream()
                .collect(Collectors.groupingBy(CrawlRecord::outcome, Collectors.counting()));
        for (Outcome outcome : Outcome.values()) {
            assertThat(metrics.value("crawlcase_records_total", "outcome=\"" + outcome.label() + "\""))
                    .as(outcome.label()).isEqualTo(byOutcome.getOrDefault(outcome, 0L).doubleValue());
        }
        long fetched = byOutcome.getOrDefault(Outcome.FETCHED, 0L);
        assertThat(fetched).isPositive();
        assertThat(metrics.value("crawlcase_pages_total", "")).isEqualTo(fetched);
        assertThat(metrics.sum("vertx_http_client_requests_total")).as("Vert.x's own client meters")
                .isGreaterThanOrEqualTo(fetched);
        assertThat(List.of("crawlcase_fetch_latency_milliseconds", "crawlcase_queued", "crawlcase_in_flight",
                "crawlcase_crawler_threads", "vertx_eventbus_handlers", "vertx_http_client_active_connections",
                "jvm_threads_live_threads", "jvm_memory_used_bytes")).allMatch(metrics::has);
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "127.0.0.0/8 routing is Linux's");
        Vertx vertx = kit.vertx();
        Dashboard dashboard = await(Dashboard.start(vertx, 0, "run", registry()));
        assertThat(dashboard.url()).isEqualTo("http://127.0.0.1:" + dashboard.port() + "/");
        try (Socket ok = new Socket()) {
            ok.connect(new InetSocketAddress("127.0.0.1", dashboard.port()), 2_000);
        }
        assertThatThrownBy(() -> {
            try (Socket other = new Socket()) {
                other.connect(new InetSocketAddress("127.0.0.2", dashboard.port()), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortFailsTheStart() throws Exception {
        Vertx vertx = kit.vertx();
        Dashboard first = await(Dashboard.start(vertx, 0, "run", registry()));
        assertThatThrownBy(() -> await(Dashboard.start(vertx, first.port(), "run", registry())))
                .hasMessageContaining("in use");
    }

    @Test
    void anUnwatchedCrawlHasNoMeters() {
        assertThat(kit.adopt(CrawlerVertx.create()).isMetricsEnabled()).isFalse();
        assertThat(kit.adopt(CrawlerVertx.create(registry())).isMetricsEnabled()).isTrue();
    }

    @Test
    void aLadderKeepsEachFinishedCrawlAndAClusterShowsItsNodes() throws Exception {
        Vertx vertx = kit.vertx();
        Dashboard dashboard = await(Dashboard.start(vertx, 0, "compare", registry()));
        FakeCrawls crawls = new FakeCrawls();
        for (String rung : List.of("sequential 1", "async 64")) {
            await(dashboard.follow(vertx.eventBus(), crawls.addresses(rung), rung, crawls.feed(rung)));
            dashboard.finished(crawls.finished(rung));
        }
        dashboard.cluster(() -> List.of(new NodeView("node-1", "frontier, shards 0-3", "-", 0),
                new NodeView("node-2", "fetcher", "async", 41.5)));

        JsonObject status = await(Http.get(vertx, dashboard.port(), "/status")).toJsonObject();
        assertThat(status.getJsonArray("ladder").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("crawl") + " " + r.getJsonObject("summary").getLong("pages")))
                .containsExactly("sequential 1 " + crawls.pages("sequential 1"), "async 64 " + crawls.pages("async 64"));
        assertThat(status.getJsonArray("cluster").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(n -> n.getString("node"), Function.identity())))
                .hasSize(2).satisfies(nodes -> {
                    assertThat(nodes.get("node-1").getString("role")).isEqualTo("frontier, shards 0-3");
                    assertThat(nodes.get("node-2").getString("mode")).isEqualTo("async");
                    assertThat(nodes.get("node-2").getDouble("pagesPerSecond")).isEqualTo(41.5);
                });
    }

    private CrawlConfig config(FakeWorld sites) {
        return TestConfig.crawl().mode(Mode.ASYNC).concurrency(4).perHostConcurrency(4).outputIn(dir).load(dir)
                .withSeeds(sites.seedUrls());
    }

    private static PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }
}
