package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.bus.CrawlProgress;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.HostLoad;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live view's per-host rows and per-slot strip from an HTTP client, around real crawls: a slow and a fast site
 * side by side in the host table (the server never sees more requests at once than the per-host limit, and neither
 * does the table), every slot busy while a slow site holds them, and per-host series in {@code /metrics} only for
 * the table's rows.
 */
@Tag(Tags.NEWEST_JDK)
class LiveViewTest {
    private static final int PER_HOST = 2;
    /** A fast site big enough to be still running when the slow one is; the slow one takes a few seconds. */
    private static final WorldConfig TWO_SPEEDS = WorldConfig.of(31,
            SiteSpec.named("fast").withPages(500, 4).withLatency(Distribution.fixed(5)),
            SiteSpec.named("slow").withPages(24, 3).withLatency(Distribution.fixed(200)));
    /** Every request waits long enough that each slot is seen busy. */
    private static final WorldConfig SLOW = WorldConfig.of(37,
            SiteSpec.named("slow").withPages(16, 2).withLatency(Distribution.fixed(400)));
    private static final int SLOTS = 4;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aSlowAndAFastSiteShowAsHostsWithinTheirLimit() throws Exception {
        Watched watched = Watched.start(kit, TWO_SPEEDS);
        Vertx outside = watched.outside();
        FakeWorld sites = watched.sites();
        Dashboard dashboard = watched.dashboard();
        String fast = host(sites.baseUrls().get("fast"));
        String slow = host(sites.baseUrls().get("slow"));
        CrawlRunner runner = watched.follow(TestConfig.crawl().mode(Mode.ASYNC).concurrency(8)
                .perHostConcurrency(PER_HOST).outputIn(dir).load(dir).withSeeds(sites.seedUrls()), "async 8");
        EventStream events = await(EventStream.open(outside, dashboard.port()));
        Future<CrawlReport> crawl = runner.run();

        await(events.until(e -> hosts(e).containsAll(Set.of(fast, slow))));
        JsonObject status = await(Http.get(outside, dashboard.port(), "/status")).toJsonObject();
        PrometheusText metrics = PrometheusText.parse(
                await(Http.get(outside, dashboard.port(), "/metrics")).toString());
        CrawlReport report = await(crawl);
        dashboard.finished(report.summary());
        List<JsonObject> seen = await(events.untilFinished());

        assertThat(hosts(status)).as("/status while both run").containsExactlyInAnyOrder(fast, slow);
        for (String site : List.of("fast", "slow")) {
            assertThat(sites.counters().peakConcurrent(site)).as("requests at once, seen by " + site)
                    .isBetween(1, PER_HOST);
        }
        assertThat(seen).flatMap(LiveViewTest::rows).as("every row of every event").isNotEmpty()
                .allSatisfy(row -> {
                    assertThat(row.getInteger("inFlight")).isBetween(0, PER_HOST);
                    assertThat(row.getLong("queued")).isNotNegative();
                    assertThat(row.getLong("delayMs")).isNotNegative();
                });
        assertThat(rows(status)).allSatisfy(row -> assertThat(row.getInteger("inFlight")).isBetween(0, PER_HOST));
        assertThat(rows(seen.get(seen.size() - 1))).as("a finished crawl has no host in the view").isEmpty();
        assertThat(seen).flatMap(LiveViewTest::rows).filteredOn(r -> r.getInteger("lastStatus") == 200)
                .as("hosts that answered").isNotEmpty();
        for (String host : hosts(status)) {
            assertThat(metrics.value("crawlcase_host_in_flight", "host=\"" + host + "\""))
                    .isBetween(0.0, (double) PER_HOST);
            assertThat(metrics.has("crawlcase_host_queued")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ASYNC", "THREAD_POOL", "VIRTUAL"})
    void everySlotShowsBusyWhileASlowSiteHoldsThem(Mode mode) throws Exception {
        Watched watched = Watched.start(kit, SLOW);
        Dashboard dashboard = watched.dashboard();
        String slow = host(watched.sites().baseUrls().get("slow"));
        CrawlRunner runner = watched.follow(TestConfig.crawl().mode(mode).concurrency(SLOTS).perHostConcurrency(SLOTS)
                .outputIn(dir).load(dir).withSeeds(watched.sites().seedUrls()), mode.label());
        EventStream events = await(EventStream.open(watched.outside(), dashboard.port()));
        Future<CrawlReport> crawl = runner.run();

        JsonObject full = await(events.until(e -> busySlots(e).size() == SLOTS));
        CrawlReport report = await(crawl);
        dashboard.finished(report.summary());
        List<JsonObject> seen = await(events.untilFinished());

        JsonObject strip = full.getJsonArray("slots").getJsonObject(0);
        assertThat(strip.getInteger("slots")).isEqualTo(SLOTS);
        assertThat(strip.getInteger("busy")).isEqualTo(SLOTS);
        assertThat(busySlots(full)).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(shown(full)).allSatisfy(b -> {
            assertThat(b.getString("url")).startsWith(slow);
            assertThat(b.getLong("ageMs")).isNotNegative();
        });
        assertThat(seen).allSatisfy(e -> assertThat(busySlots(e).size()).isLessThanOrEqualTo(SLOTS));
        assertThat(seen.get(seen.size() - 1).getJsonArray("slots")).as("a finished crawl has no strip").isEmpty();
    }

    @Test
    void hostSeriesFollowTheTableAndLeaveWithTheirRow() throws Exception {
        Vertx vertx = kit.vertx();
        Dashboard dashboard = await(Dashboard.start(vertx, 0, "run",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 1));
        FakeCrawls crawls = new FakeCrawls();
        CrawlAddresses addresses = crawls.addresses("async 8");
        await(dashboard.follow(vertx.eventBus(), addresses, "async 8", crawls.feed("async 8")));
        EventStream events = await(EventStream.open(vertx, dashboard.port()));
        List<HostLoad> first = List.of(load("http://127.0.0.1:1", 9), load("http://127.0.0.1:2", 4));
        List<HostLoad> then = List.of(load("http://127.0.0.1:3", 7));

        PrometheusText before = scrapeShowing(vertx, dashboard, events, addresses, first);
        PrometheusText after = scrapeShowing(vertx, dashboard, events, addresses, then);

        assertThat(before.value("crawlcase_host_queued", "host=\"http://127.0.0.1:1\"")).isEqualTo(9);
        assertThat(before.value("crawlcase_host_queued", "host=\"http://127.0.0.1:2\"")).isEqualTo(4);
        assertThat(after.value("crawlcase_host_queued", "host=\"http://127.0.0.1:3\"")).isEqualTo(7);
        assertThat(after.samples()).as("series of hosts no longer in the table")
                .noneMatch(s -> s.labels().contains("127.0.0.1:1\"") || s.labels().contains("127.0.0.1:2\""));
        assertThat(after.samples().stream().filter(s -> s.name().startsWith("crawlcase_host_"))).hasSize(3);
    }

    private static PrometheusText scrapeShowing(Vertx vertx, Dashboard dashboard, EventStream events,
                                                CrawlAddresses addresses, List<HostLoad> hosts) {
        vertx.eventBus().publish(addresses.progress(), new CrawlProgress(hosts.stream()
                .mapToLong(HostLoad::queued).sum(), 0, 0, 0, 0, 0, 0, 0, hosts).toJson());
        Set<String> keys = hosts.stream().map(HostLoad::host).collect(Collectors.toSet());
        await(events.until(e -> LiveViewTest.hosts(e).equals(keys)));
        return PrometheusText.parse(await(Http.get(vertx, dashboard.port(), "/metrics")).toString());
    }

    private static HostLoad load(String host, long queued) {
        return new HostLoad(host, queued, 1, 0, 200, null, 0);
    }

    private static String host(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private static List<JsonObject> rows(JsonObject snapshot) {
        return snapshot.getJsonArray("hosts", new JsonArray()).stream().map(JsonObject.class::cast).toList();
    }

    private static Set<String> hosts(JsonObject snapshot) {
        return rows(snapshot).stream().map(r -> r.getString("host")).collect(Collectors.toSet());
    }

    private static List<JsonObject> shown(JsonObject snapshot) {
        return snapshot.getJsonArray("slots", new JsonArray()).stream().map(JsonObject.class::cast)
                .flatMap(f -> f.getJsonArray("shown").stream().map(JsonObject.class::cast)).toList();
    }

    private static Set<Integer> busySlots(JsonObject snapshot) {
        return shown(snapshot).stream().map(b -> b.getInteger("slot")).collect(Collectors.toSet());
    }
}
