package dev.crawlcase.crawler.state;

import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a state, a stop (Ctrl-C) records no "stopped" URLs: they stay in the state, and a resume fetches them, but
 * none that already had a record, and ends with the ground truth. The summary of the resumed run counts the whole
 * crawl.
 */
class DurableStopTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aStoppedDurableCrawlLeavesItsUnfinishedUrlsToTheResume() throws Exception {
        Vertx vertx = kit.vertx();
        FakeWorld sites = FakeWorld.start(vertx, WorldConfig.of(11, SiteSpec.named("slow").withPages(120, 5)
                .withLatency(Distribution.fixed(20)))).toCompletionStage().toCompletableFuture().join();
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(3)
                .output(dir.resolve("r.jsonl"), dir.resolve("s.json")).load(dir).withSeeds(sites.seedUrls());
        Path stateDir = dir.resolve("state");

        CrawlReport stopped = StopAndResume.stopAfter(vertx, config, stateDir, 10);
        assertThat(stopped.stopped()).isTrue();
        List<CrawlRecord> before = RecordsFile.read(stopped.records());
        assertThat(before).hasSizeGreaterThanOrEqualTo(10).noneMatch(r -> "stopped".equals(r.reason()));
        Map<String, Integer> requestsBefore = sites.counters().requestsPerUrl();

        CrawlReport resumed = StopAndResume.resume(vertx, config, stateDir);
        List<CrawlRecord> all = RecordsFile.read(resumed.records());
        assertThat(all).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(all.subList(0, before.size())).isEqualTo(before);
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).isEqualTo(sites.groundTruth(CrawlRules.defaults()).pages());
        Map<String, Integer> requestsAfter = sites.counters().requestsPerUrl();
        before.forEach(r -> assertThat(requestsAfter.getOrDefault(r.url(), 0))
                .as(r.url()).isEqualTo(requestsBefore.getOrDefault(r.url(), 0)));
        JsonObject summary = new JsonObject(Files.readString(resumed.summaryFile()));
        assertThat(summary.getLong("records")).isEqualTo(all.size());
        assertThat(summary.getLong("pages")).isEqualTo(fetched.size());
    }
}
