package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.testkit.TestConfig;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Runs one crawl to completion for a test and reads its records back. */
record TestCrawl(CrawlReport report, List<CrawlRecord> records) {
    /**
     * At most this many fetches in flight in processes mode: each is a JVM started for the crawl, the contract is the
     * same at any concurrency, and dozens of JVM starts per test would make the suite crawl on a shared machine.
     */
    static final int PROCESSES_AT_MOST = 3;

    /**
     * Quick settings for tests: short timeouts, small Retry-After cap, same rules as the ground truth defaults;
     * {@code more} changes or adds settings.
     */
    static CrawlConfig config(Mode mode, int concurrency, Path dir, List<String> seeds,
                              UnaryOperator<TestConfig> more) {
        int inFlight = mode == Mode.PROCESSES ? Math.min(concurrency, PROCESSES_AT_MOST) : concurrency;
        TestConfig quick = TestConfig.crawl().mode(mode).concurrency(inFlight).timeouts(1_000, 400, 3_000)
                .fastRetries().outputIn(dir);
        return more.apply(quick).load(dir).withSeeds(seeds);
    }

    static TestCrawl run(Vertx vertx, CrawlConfig config) {
        CrawlReport report = new CrawlRunner(vertx, config, () -> 0).run()
                .toCompletionStage().toCompletableFuture().join();
        return new TestCrawl(report, read(report.records()));
    }

    static List<CrawlRecord> read(Path file) {
        return RecordsFile.read(file);
    }

    Map<String, CrawlRecord> byUrl() {
        return records.stream().collect(Collectors.toMap(CrawlRecord::url, Function.identity()));
    }

    /** URL -> depth of every fetched HTML page (sitemaps aside: {@link #sitemaps}). */
    Map<String, Integer> fetchedPages() {
        return records.stream().filter(r -> r.outcome().equals(Outcome.FETCHED) && r.kind() == FetchTask.Kind.PAGE)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
    }

    /** URL -> depth of every sitemap record, read whole or refused. */
    Map<String, Integer> sitemaps() {
        return records.stream().filter(r -> r.kind() == FetchTask.Kind.SITEMAP)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
    }

    RunSummary summary() {
        return report.summary();
    }
}
