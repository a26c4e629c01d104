package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stop mid-crawl (what Ctrl-C does) still leaves one record per discovered URL and a valid summary. */
class GracefulStopTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aStopMidCrawlLeavesCompleteFiles() throws Exception {
        Vertx vertx = kit.vertx();
        WorldConfig world = WorldConfig.of(11, SiteSpec.named("slow").withPages(200, 5)
                .withLatency(Distribution.fixed(50)));
        FakeWorld sites = FakeWorld.start(vertx, world).toCompletionStage().toCompletableFuture().join();
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(4)
                .output(dir.resolve("r.jsonl"), dir.resolve("s.json")).load(dir).withSeeds(sites.seedUrls());
        CrawlRunner runner = new CrawlRunner(vertx, config, () -> 0);
        Promise<Void> someFetched = Promise.promise();
        vertx.eventBus().<JsonObject>consumer(runner.addresses().progress(), m -> {
            if (m.body().getLong("fetched") >= 5) {
                someFetched.tryComplete();
            }
        });
        Future<CrawlReport> run = runner.run();
        CrawlReport report = someFetched.future().compose(v -> runner.stop(1_000))
                .toCompletionStage().toCompletableFuture().join();

        assertThat(run.toCompletionStage().toCompletableFuture().join()).isSameAs(report);
        assertThat(report.stopped()).isTrue();
        List<CrawlRecord> records = RecordsFile.read(report.records());
        assertThat(records).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(records).filteredOn(r -> "stopped".equals(r.reason())).isNotEmpty();
        long fetched = records.stream().filter(r -> r.outcome().equals(Outcome.FETCHED)).count();
        assertThat(fetched).isBetween(5L, 199L);
        JsonObject summary = new JsonObject(Files.readString(report.summaryFile()));
        assertThat(summary.getLong("records")).isEqualTo(records.size());
        assertThat(summary.getLong("pages")).isEqualTo(fetched);
    }

    /**
     * A stop that comes before the frontier listens (Ctrl-C while the run starts up) is held and delivered the moment
     * it does, before any fetcher can lease: the run ends stopped, without one request, its files complete.
     */
    @Test
    void aStopBeforeTheFrontierListensIsHeldAndNothingIsFetched() throws Exception {
        Vertx vertx = kit.vertx();
        FakeWorld sites = CrawlcaseExtension.await(FakeWorld.start(vertx,
                WorldConfig.of(12, SiteSpec.named("early").withPages(20, 2))));
        CrawlConfig config = TestConfig.crawl().mode(Mode.ASYNC).concurrency(4)
                .output(dir.resolve("r.jsonl"), dir.resolve("s.json")).load(dir).withSeeds(sites.seedUrls());
        CrawlRunner runner = new CrawlRunner(vertx, config, () -> 0);
        Future<CrawlReport> stopped = runner.stop(1_000);
        CrawlReport report = runner.run().toCompletionStage().toCompletableFuture().join();

        assertThat(stopped.toCompletionStage().toCompletableFuture().join()).isSameAs(report);
        assertThat(report.stopped()).isTrue();
        assertThat(sites.counters().totalRequests()).as("requests").isZero();
        assertThat(RecordsFile.read(report.records())).extracting(CrawlRecord::reason).containsOnly("stopped");
        assertThat(new JsonObject(Files.readString(report.summaryFile())).getBoolean("stopped")).isTrue();
    }
}
