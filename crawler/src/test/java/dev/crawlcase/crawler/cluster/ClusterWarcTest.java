package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.Tags;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.crawler.testkit.WarcReaders;
import dev.crawlcase.crawler.testkit.WarcReaders.Capture;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two equal node JVMs ({@code cluster --role node --nodes 2}) crawling with {@code output.warc}: each part writes its
 * own WARC files in its own folder, named by the crawl and the part, and each part's records file matches its WARC
 * files one for one; jwarc's validator and warcio accept every file, and the merged records are the ground truth.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterWarcTest {
    private static final long BOUND_S = 150;
    private static final String CRAWL_ID = "warc-nodes";

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void eachPartArchivesItsOwnFetchesInFilesNamedByCrawlAndPart() throws Exception {
        FakeWorld world = ClusterFixtures.sites(kit, "w", 4, 20, 29);
        Path warc = dir.resolve("warc");
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(3).outputIn(dir).warc(warc, 64 * 1024)
                .writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());

        CrawlerProcess first = kit.start(dir, "node-a", args(crawlJson, clusterXml, List.of()));
        first.awaitOutput(BOUND_S, "waiting for its seeds");
        CrawlerProcess second = kit.start(dir, "node-b", args(crawlJson, clusterXml, world.seedUrls()));
        assertThat(first.exitCode(BOUND_S)).as(first.output()).isZero();
        assertThat(second.exitCode(BOUND_S)).as(second.output()).isZero();
        String outputs = first.output() + "\n---\n" + second.output();

        List<CrawlRecord> merged = RecordsFile.read(dir.resolve("records.jsonl"));
        assertThat(merged.stream().filter(r -> r.outcome() == Outcome.FETCHED)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth))).as(outputs)
                .isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        List<Path> all = new ArrayList<>();
        for (int part = 0; part < 2; part++) {
            List<CrawlRecord> records = RecordsFile.read(dir.resolve("records.parts/part-" + part + ".jsonl"));
            List<Path> files = WarcReaders.files(warc.resolve("part-" + part));
            String prefix = "crawlcase-" + CRAWL_ID + "-part" + part + "-";
            assertThat(files).as(outputs).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith(prefix));
            List<Capture> captures = WarcReaders.read(files);
            assertThat(captures).filteredOn(c -> c.type().equals("warcinfo")).hasSize(files.size());
            WarcReaders.assertMatchesRecords(captures, records);
            all.addAll(files);
        }
        assertThat(all.stream().map(Path::getFileName).distinct()).hasSize(all.size());
        // the parts' records together are the merged file's, so the archive covers the whole crawl once
        Map<String, Long> archived = WarcReaders.read(all).stream().filter(c -> c.type().equals("response"))
                .filter(c -> !c.uri().endsWith("/robots.txt"))
                .collect(Collectors.groupingBy(Capture::uri, Collectors.counting()));
        assertThat(archived.keySet()).isSubsetOf(merged.stream().map(CrawlRecord::url).toList());

        WarcReaders.validateWithJwarc(all);
        List<JsonObject> warcio = WarcReaders.readWithWarcio(all);
        assertThat(warcio).hasSize(WarcReaders.read(all).size());
    }

    private static List<String> args(Path crawlJson, Path clusterXml, List<String> seeds) {
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--nodes", "2", "--config",
                crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", CRAWL_ID, "--quiet"));
        args.addAll(seeds);
        return args;
    }
}
