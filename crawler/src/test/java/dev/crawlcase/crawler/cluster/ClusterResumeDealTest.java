package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CliRunning;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nodes that resume a sharded crawl ({@code --resume}) place the hosts as the crawl's crawl.json says: by its
 * table of dealt hosts, and by the hash alone for a folder written before hosts were dealt. Each part's file then
 * holds exactly the hosts of that part.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterResumeDealTest {
    private static final int SITES = 4;
    private static final long BOUND_S = 120;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aResumedNodeDealsTheHostsAsTheCrawlsFileSaysNotAsItWouldDealThemAfresh() throws Exception {
        FakeWorld world = world();
        List<String> hosts = new ArrayList<>(new TreeSet<>(world.seedUrls().stream().map(HostKey::of).toList()));
        // the opposite of a fresh deal (sorted hosts to parts 0, 1, 0, 1): what only the file can tell
        Map<String, Integer> table = new LinkedHashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            table.put(hosts.get(i), 1 - i % 2);
        }
        ShardMap map = new ShardMap(2, table);
        assertThat(map).isNotEqualTo(ShardMap.dealing(world.seedUrls(), 2));
        JsonObject hostsJson = new JsonObject();
        table.forEach(hostsJson::put);

        resume(world, hostsJson);

        assertEachPartHoldsItsHosts(world, map);
    }

    @Test
    void aFolderWrittenBeforeHostsWereDealtResumesOnTheHash() throws Exception {
        FakeWorld world = world();

        resume(world, null);

        assertEachPartHoldsItsHosts(world, new ShardMap(2));
    }

    private FakeWorld world() {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add(SiteSpec.named("d" + i).withPages(10, 2).withLatency(Distribution.fixed(2)));
        }
        return await(FakeWorld.start(kit.vertx(), WorldConfig.of(7, sites.toArray(SiteSpec[]::new))));
    }

    /** A state folder with only crawl.json (two parts, and {@code hosts} unless null), resumed by two nodes. */
    private void resume(FakeWorld world, JsonObject hosts) throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        JsonObject definition = new JsonObject().put("crawlId", "dealt").put("seeds", world.seedUrls())
                .put("parts", 2);
        if (hosts != null) {
            definition.put("hosts", hosts);
        }
        Files.writeString(state.resolve("crawl.json"), definition.encodePrettily());
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).outputIn(dir)
                .writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());

        String[] args = {"cluster", "--role", "node", "--config", crawlJson.toString(), "--cluster-config",
            clusterXml.toString(), "--crawl-id", "dealt", "--state", state.toString(), "--resume"};
        // two nodes in this JVM, the second started once the first has claimed (each part's file holds its hosts
        // whichever node runs it: the first may take both before the second is in, and hand one over)
        CliRunning first = CliRunning.start("first node", args);
        CrawlerProcess.awaitCondition(BOUND_S, "the first node's claim", () -> first.printed().contains("node: part "));
        CliRunning second = CliRunning.start("second node", args);
        for (CliRun run : List.of(first.await(BOUND_S, first, second), second.await(BOUND_S, first, second))) {
            assertThat(run.code()).as(run.out() + run.err()).isZero();
        }
    }

    private void assertEachPartHoldsItsHosts(FakeWorld world, ShardMap map) {
        List<CrawlRecord> all = RecordsFile.read(dir.resolve("records.jsonl"));
        assertThat(all.stream().filter(r -> r.outcome() == Outcome.FETCHED)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth)))
                .isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        for (int part = 0; part < 2; part++) {
            int p = part;
            Set<String> own = world.seedUrls().stream().map(HostKey::of).filter(h -> map.shardOf(h) == p)
                    .collect(Collectors.toSet());
            List<CrawlRecord> records = RecordsFile.read(dir.resolve("records.parts").resolve("part-" + part
                    + ".jsonl"));
            assertThat(records.stream().filter(r -> r.outcome() == Outcome.FETCHED).map(r -> HostKey.of(r.url()))
                    .collect(Collectors.toSet())).as("hosts of part %d's fetched pages", part).isEqualTo(own);
        }
    }
}
