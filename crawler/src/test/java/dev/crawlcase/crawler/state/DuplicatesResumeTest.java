package dev.crawlcase.crawler.state;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code duplicateOf} is settled when the crawl ends: a durable crawl stopped half way marks nothing yet, and its
 * resume marks the pages of both runs by the same rule as an unbroken crawl (the ground truth's).
 */
@Tag(Tags.NEWEST_JDK)
class DuplicatesResumeTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aResumedCrawlMarksTheDuplicatesOfBothRunsAsTheTruthDoes() {
        Vertx vertx = kit.vertx();
        FakeWorld sites = FakeWorld.start(vertx, WorldConfig.of(11, SiteSpec.named("dups").withPages(60, 5)
                .withLatency(Distribution.fixed(150)).withDirectives(true))).toCompletionStage().toCompletableFuture().join();
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(3).recordDetail(RecordDetail.FULL)
                .output(dir.resolve("r.jsonl"), dir.resolve("s.json")).load(dir).withSeeds(sites.seedUrls());
        Path stateDir = dir.resolve("state");

        CrawlReport stopped = StopAndResume.stopAfter(vertx, config, stateDir, 10);
        assertThat(stopped.stopped()).isTrue();
        assertThat(RecordsFile.read(stopped.records())).as("nothing settled before the end")
                .allSatisfy(r -> assertThat(r.duplicateOf()).isNull());

        CrawlReport resumed = StopAndResume.resume(vertx, config, stateDir);
        List<CrawlRecord> all = RecordsFile.read(resumed.records());
        Map<String, String> marked = all.stream().filter(r -> r.duplicateOf() != null)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::duplicateOf));
        String base = sites.baseUrls().get("dups");
        assertThat(marked).isEqualTo(sites.groundTruth(CrawlRules.defaults()).duplicates())
                .containsEntry(base + "directives/dup-a.html", base + "directives/dup-b.html")
                .containsEntry(base + "directives/dup-c.html", base + "directives/dup-b.html");
    }
}
