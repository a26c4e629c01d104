package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.dashboard.EventStream;
import dev.crawlcase.crawler.dashboard.Http;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.ShardedRun;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An equal node's dashboard ({@code cluster --role node --dashboard}) around a sharded run: while it crawls, its
 * page shows its part with hosts and busy slots, and a cluster row with its part, mode and rate; at the end, its
 * own records. A node that runs two parts shows both: their hosts, their slots, the sum of their records and pages.
 */
class NodeDashboardTest {
    private static final WorldConfig WORLD = WorldConfig.of(43, SiteSpec.named("a").withPages(20, 3)
            .withLatency(Distribution.fixed(60)), SiteSpec.named("b").withPages(20, 3)
            .withLatency(Distribution.fixed(60)));

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    /** A node's sharded run of the two sites, watched by its dashboard from the start. */
    private record Watching(FakeWorld sites, ShardedRun run, NodeDashboard node, int port, EventStream events) {
    }

    /** The two sites cut into {@code parts} parts (their hosts dealt), watched as the node of part 0. */
    private Watching watch(String crawlId, int parts) throws Exception {
        Vertx vertx = kit.vertx();
        FakeWorld sites = await(FakeWorld.start(vertx, WORLD));
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(4).outputIn(dir).load(dir)
                .withSeeds(sites.seedUrls());
        CrawlAddresses crawl = new CrawlAddresses(crawlId);
        ShardedRun run = new ShardedRun(vertx, config, () -> 0, crawl, ShardMap.dealing(sites.seedUrls(), parts),
                null, "node");
        DashboardOption asked = CommandLine.populateCommand(new DashboardOption(), "--dashboard", "0");
        StringWriter err = new StringWriter();
        NodeDashboard node = NodeDashboard.start(vertx, asked, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                run, crawl, 0, parts, "async 4", true, new PrintWriter(err, true));
        int port = Integer.parseInt(err.toString().replaceAll("(?s).*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
        return new Watching(sites, run, node, port, await(EventStream.open(vertx, port)));
    }

    @Test
    void aNodeShowsItsPartModeAndRate() throws Exception {
        Watching w = watch("watched-node", 1);
        Vertx vertx = kit.vertx();
        ShardedRun run = w.run();
        NodeDashboard node = w.node();
        EventStream events = w.events();
        int port = w.port();
        Future<CrawlReport> crawled = run.run(List.of(0));

        JsonObject running = await(events.until(e -> "running".equals(e.getString("state"))
                && !e.getJsonArray("hosts").isEmpty() && !e.getJsonArray("slots").isEmpty()
                && e.getJsonObject("summary").getLong("records") > 0));
        CrawlReport report = await(crawled);
        node.finished();
        await(events.untilFinished());
        JsonObject status = await(Http.get(vertx, port, "/status")).toJsonObject();

        assertThat(running.getString("title")).isEqualTo("cluster");
        assertThat(running.getString("crawl")).isEqualTo("part 0 of 1, async 4");
        JsonObject row = running.getJsonArray("cluster").getJsonObject(0);
        assertThat(row.getString("node")).isEqualTo("part 0 of 1");
        assertThat(row.getString("mode")).isEqualTo("async 4");
        assertThat(row.getString("role")).contains("writes the records");
        assertThat(status.getString("state")).isEqualTo("finished");
        assertThat(status.getJsonObject("summary").getLong("records"))
                .as("this node's records: here, all of them").isEqualTo(RecordsFile.read(report.records()).size());
    }

    @Test
    void aNodeRunningTwoPartsShowsTheSumOfBoth() throws Exception {
        Watching w = watch("watched-parts", 2); // one site in each part
        EventStream events = w.events();
        // the node claimed part 0 and runs part 1 too, as after taking it over
        Future<CrawlReport> crawled = w.run().run(List.of(0, 1));

        Set<String> hosts = w.sites().seedUrls().stream().map(HostKey::of).collect(Collectors.toSet());
        JsonObject running = await(events.until(e -> "running".equals(e.getString("state"))
                && e.getJsonArray("hosts").stream().map(h -> ((JsonObject) h).getString("host"))
                .collect(Collectors.toSet()).equals(hosts) && e.getJsonArray("slots").size() == 2));
        CrawlReport report = await(crawled);
        w.node().finished();
        await(events.untilFinished());
        JsonObject status = await(Http.get(kit.vertx(), w.port(), "/status")).toJsonObject();

        assertThat(running.getJsonArray("slots").stream().map(f -> ((JsonObject) f).getString("fetcher")))
                .as("both parts' fetchers").hasSize(2).doesNotHaveDuplicates();
        List<CrawlRecord> records = RecordsFile.read(report.records());
        long part0 = RecordsFile.read(dir.resolve("records.parts").resolve("part-0.jsonl")).size();
        assertThat(part0).as("part 0 alone").isPositive().isLessThan(records.size());
        JsonObject summary = status.getJsonObject("summary");
        assertThat(summary.getLong("records")).as("the node's records: both parts'").isEqualTo(records.size());
        assertThat(summary.getLong("pages")).as("the node's pages: both parts'")
                .isEqualTo(records.stream().filter(r -> r.outcome() == Outcome.FETCHED).count());
        assertThat(summary.getInteger("concurrency")).as("two fetch verticles of 4").isEqualTo(8);
    }
}
