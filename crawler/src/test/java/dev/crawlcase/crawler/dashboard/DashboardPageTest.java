package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlerVertx;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.BrowserPage;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.HeadlessChromium;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live page in a real headless Chromium while a crawl runs: it loads with no console error, its figures rise as
 * events arrive, it fits a narrow window, and once the crawl ends it shows what {@code /status} says. Screenshots at
 * each point are kept in {@code target/dashboard-screenshots} for a human to look at.
 */
@Tag(Tags.NEWEST_JDK)
class DashboardPageTest {
    private static final Path SHOTS = Path.of("target", "dashboard-screenshots");
    /** Slow enough that the page sees several samples while the crawl runs. */
    private static final WorldConfig WORLD = WorldConfig.of(23, SiteSpec.named("watched").withPages(160, 4)
            .withLatency(Distribution.fixed(40)));
    private static final int NARROW_PX = 420;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void thePageFollowsTheCrawlAndEndsWithItsStatus() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(dir);
        Vertx outside = kit.vertx();
        FakeWorld sites = await(FakeWorld.start(outside, WORLD));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = kit.adopt(CrawlerVertx.create(registry));
        Dashboard dashboard = await(Dashboard.start(vertx, 0, "run", registry));

        try (BrowserPage page = chromium.open(dashboard.url(), 1200, 900)) {
            assertThat(page.evaluate(until("text('state') === 'waiting' && text('title') === 'run'"))).isEqualTo(true);
            CrawlRunner runner = new CrawlRunner(vertx, TestConfig.crawl().mode(Mode.THREAD_POOL).concurrency(2)
                    .perHostConcurrency(2).outputIn(dir).load(dir).withSeeds(sites.seedUrls()), () -> 0);
            await(dashboard.follow(vertx.eventBus(), runner.addresses(), "thread-pool 2", runner));
            Future<CrawlReport> crawl = runner.run();

            long first = number(page.evaluate(until("text('state') === 'running' && +text('done') > 0 && text('done')")));
            page.screenshot(SHOTS.resolve("dashboard-running.png"));
            long later = number(page.evaluate(until(
                    "text('state') === 'running' && +text('done') > " + first + " && text('done')")));
            assertThat(later).as("records done, shown later in the same crawl").isGreaterThan(first);
            page.resize(NARROW_PX, 900);
            assertThat(number(page.evaluate("document.documentElement.scrollWidth"))).as("page width at %d px", NARROW_PX)
                    .isLessThanOrEqualTo(NARROW_PX);
            page.screenshot(SHOTS.resolve("dashboard-narrow.png"));
            page.resize(1200, 900);

            CrawlReport report = await(crawl);
            dashboard.finished(report.summary());
            JsonObject shown = (JsonObject) page.evaluate(until("text('state') === 'finished' && "
                    + "{done: text('done'), pages: text('pages'), queued: text('queued'), inflight: text('inflight'), "
                    + "failed: text('errors'), charts: document.querySelectorAll('.uplot').length,"
                    + " points: +document.getElementById('chart-progress').getAttribute('data-points')}"));
            page.screenshot(SHOTS.resolve("dashboard-finished.png"));

            JsonObject status = await(Http.get(outside, dashboard.port(), "/status")).toJsonObject();
            JsonObject summary = status.getJsonObject("summary");
            assertThat(shown.getMap()).containsEntry("done", String.valueOf(summary.getLong("records")))
                    .containsEntry("pages", String.valueOf(summary.getLong("pages")))
                    .containsEntry("failed", String.valueOf(summary.getJsonObject("outcomes").getLong("failed", 0L)))
                    .containsEntry("queued", "0").containsEntry("inflight", "0");
            assertThat(number(shown.getValue("charts"))).isEqualTo(3);
            assertThat(number(shown.getValue("points"))).as("samples on the charts, the end included")
                    .isGreaterThan(2);
            assertThat(page.errors()).as("console errors, exceptions, failed loads").isEmpty();
        }
    }

    @Test
    void theHostTableAndTheSlotStripShowTheCrawlsHostsAndSlots() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(dir);
        Watched watched = Watched.start(kit, WorldConfig.of(29,
                SiteSpec.named("quick").withPages(200, 3).withLatency(Distribution.fixed(10)),
                SiteSpec.named("slow").withPages(24, 3).withLatency(Distribution.fixed(300))));
        java.util.Set<String> hosts = new java.util.HashSet<>();
        watched.sites().baseUrls().values().forEach(u -> hosts.add(u.substring(0, u.length() - 1)));

        try (BrowserPage page = chromium.open(watched.dashboard().url(), 1200, 1400)) {
            Future<CrawlReport> crawl = watched.follow(TestConfig.crawl().mode(Mode.ASYNC).concurrency(4)
                    .perHostConcurrency(2).outputIn(dir).load(dir).withSeeds(watched.sites().seedUrls()), "async 4")
                    .run();

            JsonObject shown = (JsonObject) page.evaluate(until("document.querySelectorAll('#hosts tr').length > 0"
                    + " && document.querySelectorAll('#slots tr').length > 0 && {"
                    + " hosts: [...document.querySelectorAll('#hosts tr')].map(r => r.getAttribute('data-host')),"
                    + " inFlight: [...document.querySelectorAll('#hosts tr')].map(r => +r.cells[2].textContent),"
                    + " slots: [...document.querySelectorAll('#slots tr')].map(r => +r.getAttribute('data-slot')),"
                    + " slotHosts: [...document.querySelectorAll('#slots tr')].map(r => r.cells[1].textContent)}"));
            page.screenshot(SHOTS.resolve("dashboard-hosts-slots.png"));
            await(crawl);

            assertThat(shown.getJsonArray("hosts").getList()).isNotEmpty().allMatch(hosts::contains);
            assertThat(shown.getJsonArray("inFlight").getList()).allMatch(n -> number(n) >= 0 && number(n) <= 2);
            assertThat(shown.getJsonArray("slots").getList()).isNotEmpty().doesNotHaveDuplicates()
                    .allMatch(n -> number(n) >= 0 && number(n) < 4);
            assertThat(shown.getJsonArray("slotHosts").getList()).allMatch(hosts::contains);
            assertThat(page.errors()).as("console errors, exceptions, failed loads").isEmpty();
        }
    }

    @Test
    void aLadderAndAClusterShowAsTables() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(dir);
        Vertx vertx = kit.vertx();
        Dashboard dashboard = await(Dashboard.start(vertx, 0, "compare",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        FakeCrawls crawls = new FakeCrawls();
        for (String rung : java.util.List.of("sequential 1", "thread-pool 64")) {
            await(dashboard.follow(vertx.eventBus(), crawls.addresses(rung), rung, crawls.feed(rung)));
            dashboard.finished(crawls.finished(rung));
        }
        await(dashboard.follow(vertx.eventBus(), crawls.addresses("async 64"), "async 64", crawls.feed("async 64")));
        dashboard.cluster(() -> java.util.List.of(new NodeView("node-1", "frontier", "-", 0),
                new NodeView("node-2", "fetcher", "virtual", 12.5)));

        try (BrowserPage page = chromium.open(dashboard.url(), 1200, 1100)) {
            JsonObject shown = (JsonObject) page.evaluate(until("document.querySelectorAll('#ladder tr').length === 2"
                    + " && document.querySelectorAll('#nodes tr').length === 2 && {"
                    + " crawl: text('crawl'), state: text('state'),"
                    + " ladder: [...document.querySelectorAll('#ladder tr')].map(r => r.cells[0].textContent + ' '"
                    + "   + r.cells[1].textContent),"
                    + " nodes: [...document.querySelectorAll('#nodes tr')].map(r => r.cells[0].textContent + ' '"
                    + "   + r.cells[2].textContent),"
                    + " hidden: document.getElementById('ladder-section').hidden"
                    + "   || document.getElementById('cluster-section').hidden}"));
            page.screenshot(SHOTS.resolve("dashboard-ladder-cluster.png"));
            assertThat(shown.getString("crawl")).isEqualTo("async 64");
            assertThat(shown.getString("state")).isEqualTo("running");
            assertThat(shown.getJsonArray("ladder").getList()).containsExactly(
                    "sequential 1 " + crawls.pages("sequential 1"), "thread-pool 64 " + crawls.pages("thread-pool 64"));
            assertThat(shown.getJsonArray("nodes").getList()).containsExactly("node-1 -", "node-2 virtual");
            assertThat(shown.getBoolean("hidden")).isFalse();
            assertThat(page.errors()).isEmpty();
        }
    }

    /**
     * A promise that resolves with {@code expression}'s value once it is truthy, checked at once and on every change
     * of the page: the test waits on the page itself, never on a clock.
     */
    private static String until(String expression) {
        return "new Promise(resolve => {"
                + " const text = id => document.getElementById(id).textContent;"
                + " const check = () => { const v = (" + expression + "); if (v) { observer.disconnect(); resolve(v); } };"
                + " const observer = new MutationObserver(check);"
                + " observer.observe(document.documentElement, {subtree: true, childList: true, characterData: true});"
                + " check(); })";
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
