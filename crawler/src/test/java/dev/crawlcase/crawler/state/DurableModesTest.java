package dev.crawlcase.crawler.state;

import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every mode crawls to the ground truth with a state and host queues spilling beyond 5 URLs (the frontier on a
 * worker thread), and leaves a finished state whose records are the file's, in order.
 */
class DurableModesTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachModeCrawlsTheGroundTruthWithAStateAndASpillingQueue(Mode mode) throws Exception {
        assumeTrue(ModeVerticles.unavailableReason(mode).isEmpty(),
                () -> ModeVerticles.unavailableReason(mode).orElseThrow());
        Vertx vertx = kit.vertx();
        try (StateStore state = StateStore.open(dir.resolve("state"), false)) {
            FakeWorld sites = FakeWorld.start(vertx, WorldConfig.of(5, SiteSpec.named("small").withPages(60, 4)))
                    .toCompletionStage().toCompletableFuture().join();
            CrawlConfig config = TestConfig.crawl().mode(mode).concurrency(4)
                    .output(dir.resolve("r.jsonl"), dir.resolve("s.json")).load(dir).withSeeds(sites.seedUrls());
            CrawlReport report = new CrawlRunner(vertx, config, () -> 0).withState(state, 5).run()
                    .toCompletionStage().toCompletableFuture().join();

            List<CrawlRecord> records = RecordsFile.read(report.records());
            assertThat(records).extracting(CrawlRecord::url).doesNotHaveDuplicates();
            Map<String, Integer> fetched = records.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                    .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
            assertThat(fetched).isEqualTo(sites.groundTruth(CrawlRules.defaults()).pages());
            assertThat(state.finished()).isTrue();
            assertThat(state.recordCount()).isEqualTo(records.size());
            StringBuilder stored = new StringBuilder();
            state.forEachRecord(0, line -> stored.append(line).append('\n'));
            assertThat(stored.toString()).isEqualTo(Files.readString(report.records()));
            assertThat(Files.exists(dir.resolve("state/queue-spill.mv.db"))).isFalse();
        }
    }
}
