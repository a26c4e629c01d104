package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.dashboard.EventStream;
import dev.crawlcase.crawler.dashboard.Http;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.BrowserPage;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.HeadlessChromium;
import dev.crawlcase.crawler.testkit.Tags;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real three-node cluster ({@code cluster --role node --nodes 3 --dashboard}, three JVMs in three modes) with a
 * page on each node. One seed host holds its page until every node's page was looked at in headless Chromium, so
 * the crawl is surely running then: each page loads with no console error and shows its node's part, mode and rate;
 * each node's {@code /metrics} carries Vert.x's own series (its clustered Vert.x is metered as {@code run}'s is).
 * At the end each node's last {@code /status}, pushed to an open event stream as the node leaves, counts exactly the
 * records of its part's hosts in the crawl's one records file. Screenshots in {@code target/dashboard-screenshots}.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterNodePagesTest {
    private static final long BOUND_S = 150;
    private static final Path SHOTS = Path.of("target", "dashboard-screenshots");
    private static final Pattern DASHBOARD = Pattern.compile("dashboard at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern PART = Pattern.compile("node: part (\\d) of 3");
    /**
     * Vert.x's own series, present on every node: its event bus, its pools and the dashboard's own server (its HTTP
     * client's appear only once it connected, and a node's part may hold no host: the sites' ports are random).
     */
    private static final List<String> VERTX_SERIES = List.of("vertx_eventbus_", "vertx_pool_", "vertx_http_server_");

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    private record Node(String mode, CrawlerProcess process) {
    }

    private record Watched(Node node, int part, int port, EventStream events) {
    }

    @Test
    void eachNodesPageShowsItsPartAndEndsWithItsPartsRecords() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(dir);
        Vertx vertx = kit.vertx();
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sites.add(SiteSpec.named("p" + i).withPages(20, 3).withLatency(Distribution.fixed(5)));
        }
        FakeWorld world = await(FakeWorld.start(vertx, WorldConfig.of(31, sites.toArray(SiteSpec[]::new))));
        HeldSite held = await(HeldSite.start(vertx));
        List<String> seeds = new ArrayList<>(world.seedUrls());
        seeds.add(held.url());
        // the held page must not time out while the pages are looked at, however busy the machine
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(3).timeouts(5_000, 300_000, 300_000).leaseTimeoutMs(400_000)
                .outputIn(dir).writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());

        Node first = new Node("async", kit.start(dir, "node-async", args(crawlJson, clusterXml, "async", List.of())));
        first.process().awaitOutput(BOUND_S, "waiting for its seeds");
        List<Node> nodes = List.of(first,
                new Node("thread-pool", kit.start(dir, "node-pool", args(crawlJson, clusterXml, "thread-pool", seeds))),
                new Node("sequential", kit.start(dir, "node-sequential",
                        args(crawlJson, clusterXml, "sequential", List.of()))));
        // three JVMs joining a cluster on a busy machine may take longer than an await's bound
        CrawlerProcess.awaitCondition(BOUND_S, "the held page asked for", () -> held.asked().isComplete());

        List<Watched> watched = new ArrayList<>();
        for (Node node : nodes) {
            node.process().awaitOutput(BOUND_S, "dashboard at");
            String output = node.process().output();
            int port = number(DASHBOARD, output);
            int part = number(PART, output);
            watched.add(new Watched(node, part, port, await(EventStream.open(vertx, port))));
            String metrics = await(Http.get(vertx, port, "/metrics")).toString();
            assertThat(VERTX_SERIES).as("Vert.x's series on the %s node", node.mode())
                    .allSatisfy(series -> assertThat(metrics).contains(series));
            try (BrowserPage page = chromium.open("http://127.0.0.1:" + port + "/", 1200, 1900)) {
                // every node's row, heard from the others over the event bus; this node's own row checked below
                JsonObject shown = (JsonObject) page.evaluate(BrowserPage.until("text('state') === 'running'"
                        + " && document.querySelectorAll('#nodes tr').length === 3 && {"
                        + " title: text('title'), crawl: text('crawl'), rate: text('rate'),"
                        + " names: [...document.querySelectorAll('#nodes tr')].map(r => r.cells[0].textContent),"
                        + " row: [...[...document.querySelectorAll('#nodes tr')].find(r => r.cells[0].textContent"
                        + " === 'part " + part + " of 3').cells].map(c => c.textContent),"
                        + " hidden: document.getElementById('cluster-section').hidden}"));
                page.screenshot(SHOTS.resolve("cluster-node-part-" + part + "-" + node.mode() + ".png"));
                assertThat(shown.getString("title")).isEqualTo("cluster");
                // the mode and its concurrency (a sequential node fetches one at a time, whatever it was given)
                assertThat(shown.getString("crawl")).matches("part " + part + " of 3, " + node.mode() + " \\d+");
                assertThat(shown.getBoolean("hidden")).isFalse();
                assertThat(shown.getJsonArray("names").getList()).as("the cluster table of the %s node", node.mode())
                        .containsExactly("part 0 of 3", "part 1 of 3", "part 2 of 3");
                List<Object> row = shown.getJsonArray("row").getList();
                assertThat(row.subList(0, 2)).as("part, role").containsExactly("part " + part + " of 3",
                        part == 0 ? "node, writes the records" : "node");
                assertThat(row.get(2)).as("mode").isEqualTo(shown.getString("crawl").replaceFirst(".*, ", ""));
                assertThat(Double.parseDouble(String.valueOf(row.get(3)))).as("rate").isGreaterThanOrEqualTo(0);
                assertThat(Double.parseDouble(shown.getString("rate"))).as("pages/s").isGreaterThanOrEqualTo(0);
                assertThat(page.errors()).as("console errors, exceptions, failed loads on the %s node", node.mode())
                        .isEmpty();
            }
        }
        assertThat(watched).extracting(Watched::part).containsExactlyInAnyOrder(0, 1, 2);
        held.release();

        for (Watched w : watched) {
            assertThat(w.node().process().exitCode(BOUND_S)).as(w.node().process().output()).isZero();
        }
        List<CrawlRecord> all = RecordsFile.read(dir.resolve("records.jsonl"));
        ShardMap parts = ShardMap.dealing(seeds, 3);
        for (Watched w : watched) {
            List<JsonObject> events = await(w.events().untilFinished());
            JsonObject summary = events.get(events.size() - 1).getJsonObject("summary");
            List<CrawlRecord> mine = all.stream().filter(r -> parts.shardOf(HostKey.of(r.url())) == w.part()).toList();
            assertThat(summary.getLong("records")).as("part %d's records (%s)", w.part(), w.node().mode())
                    .isEqualTo(mine.size());
            assertThat(summary.getLong("pages")).as("part %d's pages", w.part())
                    .isEqualTo(mine.stream().filter(r -> r.outcome() == Outcome.FETCHED).count());
            assertThat(summary.getString("mode")).isEqualTo(w.node().mode());
        }
        assertThat(all).extracting(CrawlRecord::url).contains(held.url());
    }

    private static int number(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        assertThat(m.find()).as("'%s' in:\n%s", pattern, output).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<String> args(Path crawlJson, Path clusterXml, String mode, List<String> seeds) {
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--nodes", "3", "--config",
                crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", "node-pages",
                "--mode", mode, "--quiet", "--dashboard"));
        args.addAll(seeds);
        return args;
    }

    /**
     * A one-page site on loopback whose page is answered only when the test says so (its robots.txt at once, as
     * absent): while it holds, the crawl cannot end.
     */
    private static final class HeldSite {
        private final Promise<Void> asked = Promise.promise();
        private final Promise<Void> released = Promise.promise();
        private int port;

        static Future<HeldSite> start(Vertx vertx) {
            HeldSite site = new HeldSite();
            return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                    .requestHandler(request -> {
                        if (request.path().equals("/robots.txt")) {
                            request.response().setStatusCode(404).end();
                            return;
                        }
                        site.asked.tryComplete();
                        site.released.future().onComplete(v -> request.response()
                                .putHeader("content-type", "text/html").end("<html><body>held</body></html>"));
                    })
                    .listen()
                    .map(server -> {
                        site.port = server.actualPort();
                        return site;
                    });
        }

        String url() {
            return "http://127.0.0.1:" + port + "/";
        }

        Future<Void> asked() {
            return asked.future();
        }

        void release() {
            released.tryComplete();
        }
    }
}
