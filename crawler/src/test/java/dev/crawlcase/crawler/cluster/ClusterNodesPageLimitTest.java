package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cluster --role node} with maxPages in the crawl's config (refused before the parts shared the limit): two
 * node JVMs on loopback crawl exactly maxPages pages in all, by the sites' own counters, each requested once, and
 * the one records file has one record per URL, "page_limit" for the URLs found and never requested.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterNodesPageLimitTest {
    private static final long BOUND_S = 150;
    private static final int MAX_PAGES = 30;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void twoNodesFetchExactlyThePageLimitInAll() throws Exception {
        FakeWorld world = ClusterFixtures.sites(kit, "m", 6, 30, 29);
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(3).maxPages(MAX_PAGES).outputIn(dir)
                .writeTo(dir.resolve("crawl.json"));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());

        CrawlerProcess first = kit.start(dir, "node-a", args(crawlJson, clusterXml, List.of()));
        first.awaitOutput(BOUND_S, "waiting for its seeds");
        CrawlerProcess second = kit.start(dir, "node-b", args(crawlJson, clusterXml, world.seedUrls()));
        assertThat(first.exitCode(BOUND_S)).as(first.output()).isZero();
        assertThat(second.exitCode(BOUND_S)).as(second.output()).isZero();

        Map<String, Integer> pages = ClusterFixtures.pagesRequested(world);
        String outputs = first.output() + "\n---\n" + second.output();
        assertThat(pages).as(outputs).hasSize(MAX_PAGES).allSatisfy((url, n) -> assertThat(n).isOne());
        List<CrawlRecord> all = RecordsFile.read(dir.resolve("records.jsonl"));
        assertThat(all).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(all).filteredOn(r -> r.outcome() == Outcome.FETCHED).extracting(CrawlRecord::url)
                .containsExactlyInAnyOrderElementsOf(pages.keySet());
        assertThat(all).filteredOn(r -> "page_limit".equals(r.reason())).isNotEmpty()
                .allSatisfy(r -> assertThat(pages).doesNotContainKey(r.url()));
    }

    private static List<String> args(Path crawlJson, Path clusterXml, List<String> seeds) {
        List<String> args = new ArrayList<>(List.of("cluster", "--role", "node", "--nodes", "2", "--config",
                crawlJson.toString(), "--cluster-config", clusterXml.toString(), "--crawl-id", "page-limit",
                "--quiet"));
        args.addAll(seeds);
        return args;
    }
}
