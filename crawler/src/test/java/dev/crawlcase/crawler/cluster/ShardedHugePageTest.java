package dev.crawlcase.crawler.cluster;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.ShardedRun;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.BlockedThreadLog;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.url.HostKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page with a few hundred thousand links in a sharded crawl on two clustered Vert.x instances (what
 * {@code cluster --role node --nodes 2} runs): the links all belong to a host of the other part, so every one of them
 * is handed off between the nodes. No event loop of either node is held long enough for the blocked-thread checker
 * to warn, and the merged records file has exactly the page and one record per link. (The one-node case, with and
 * without a state, in every mode: {@code mode.HugePageTest}.)
 */
@Tag(Tags.NEWEST_JDK)
class ShardedHugePageTest {
    private static final int LINKS = 300_000;
    private static final int PARTS = 2;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void theLinksOfAHugePageCrossToTheOtherPartWithoutBlockingALoopAndEachGetsItsRecord() {
        ShardMap map = new ShardMap(PARTS);
        AtomicInteger targetRequests = new AtomicInteger();
        String target = null;  // a seed too, so that its host is in the crawl's scope
        StringBuilder page = new StringBuilder(LINKS * 40).append("<title>huge</title>");
        AtomicInteger homeRequests = new AtomicInteger();
        String[] body = new String[1];
        String home = serve(request -> {
            homeRequests.incrementAndGet();
            if (request.path().equals("/")) {
                request.response().putHeader("Content-Type", "text/html").end(body[0]);
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        // a second host in the other part (ports are random; each try is a coin toss, 40 misses are 2^-40)
        for (int tries = 0; tries < 40 && target == null; tries++) {
            String candidate = serve(request -> {
                if (!request.path().equals("/robots.txt")) {
                    targetRequests.incrementAndGet();
                }
                request.response().setStatusCode(404).end();
            });
            if (map.shardOf(HostKey.of(candidate)) != map.shardOf(HostKey.of(home))) {
                target = candidate;
            }
        }
        assertThat(target).as("a host in the other part").isNotNull();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < LINKS; i++) {
            String link = target + "p/" + i;
            page.append("<a href=\"").append(link).append("\"></a>");
            expected.add(link);
        }
        body[0] = page.toString();
        String seedOfTarget = target;

        String cluster = ClusterFixtures.uniqueClusterName();
        CrawlAddresses crawl = new CrawlAddresses("sharded-huge-page");
        List<Future<CrawlReport>> runs = new ArrayList<>();
        List<CrawlRecord> records;
        List<String> warnings;
        try (BlockedThreadLog log = BlockedThreadLog.open()) {
            for (int part = 0; part < PARTS; part++) {
                Vertx node = ClusterFixtures.join(kit, cluster);
                // depth 0 only: the links are found, handed off and recorded ("depth") but not fetched; the page's absolute
                // links make it about 13 MB, above the default body cap
                CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(4).maxDepth(0)
                        .timeouts(2_000, 10_000, 20_000).maxBodyBytes(32L << 20).outputIn(dir.resolve("n" + part))
                        .load(dir).withSeeds(List.of(home, target));
                runs.add(new ShardedRun(node, config, () -> 0, crawl, map, null, "node" + part).run(List.of(part)));
            }
            CrawlReport report = await(Future.all(runs)).resultAt(0);
            records = RecordsFile.read(report.records());
            warnings = log.warnings();
        }

        assertThat(warnings).as("blocked-thread warnings").isEmpty();
        CrawlRecord homeRecord = records.stream().filter(r -> r.url().equals(home)).findFirst().orElseThrow();
        assertThat(homeRecord.outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(homeRecord.links()).isEqualTo(LINKS);
        CrawlRecord targetRecord = records.stream().filter(r -> r.url().equals(seedOfTarget)).findFirst().orElseThrow();
        assertThat(targetRecord.reason()).isEqualTo("http_404");
        List<CrawlRecord> links = records.stream().filter(r -> r != homeRecord && r != targetRecord).toList();
        assertThat(links).hasSize(LINKS).allMatch(r -> r.outcome() == Outcome.SKIPPED && "depth".equals(r.reason())
                && r.depth() == 1);
        assertThat(links.stream().map(CrawlRecord::url).collect(Collectors.toSet())).isEqualTo(expected);
        assertThat(homeRequests.get()).as("the page and at most its robots.txt").isBetween(1, 2);
        assertThat(targetRequests.get()).as("its seed, no link").isEqualTo(1);
    }

    /** A server on 127.0.0.1 and a free port, closed with the kit's Vert.x; its base URL ending in '/'. */
    private String serve(io.vertx.core.Handler<HttpServerRequest> handler) {
        HttpServer server = await(kit.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(handler).listen());
        return "http://127.0.0.1:" + server.actualPort() + "/";
    }
}
