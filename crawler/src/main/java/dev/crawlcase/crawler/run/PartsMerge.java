package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.output.CrawlStats;
import dev.crawlcase.crawler.output.DuplicateMarks;
import dev.crawlcase.crawler.output.RunInfo;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.output.SummaryWriter;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a sharded crawl on the node that ran part 0 to its end: once every part has sealed, the parts' files
 * become the crawl's one records file ({@link RecordsMerge}; with full records, its {@code duplicateOf} marks), its
 * summary is written with a section per part, and every node is told ({@link PartBook#merged}).
 */
final class PartsMerge {
    /** How often the merge looks whether every part has sealed. */
    private static final long WAIT_MS = 500;

    private final Vertx vertx;
    private final CrawlConfig config;
    private final CrawlAddresses crawl;
    private final PartBook book;
    private final int parts;

    PartsMerge(Vertx vertx, CrawlConfig config, CrawlAddresses crawl, PartBook book, int parts) {
        this.vertx = vertx;
        this.config = config;
        this.crawl = crawl;
        this.book = book;
        this.parts = parts;
    }

    /** Waits for every part's seal, merges, writes the summary of the run begun at {@code started}, tells all. */
    Future<CrawlReport> merge(ResourceSampler sampler, Instant started) {
        CrawlStats stats = new CrawlStats();
        return sealedSections().compose(sections -> new RecordsMerge(vertx, crawl, stats)
                        .merge(parts, config.output().records())
                        .compose(v -> config.output().recordDetail().full()
                                ? DuplicateMarks.mark(vertx, config.output().records()).mapEmpty()
                                : Future.<Void>succeededFuture())
                        .compose(v -> writeSummary(stats, sections, sampler, started)))
                .compose(report -> book.merged().map(report));
    }

    /** Part {@code part}'s section of the crawl's summary: which node ran it to its end, and its figures. */
    static JsonObject section(int part, String node, RunSummary s) {
        return new JsonObject().put("part", part).put("node", node).put("mode", s.mode().label())
                .put("concurrency", s.concurrency()).put("pages", s.pages()).put("records", s.records())
                .put("wallSeconds", s.wallSeconds()).put("pagesPerSecond", s.pagesPerSecond())
                .put("cpuSeconds", s.cpuSeconds());
    }

    private Future<List<JsonObject>> sealedSections() {
        return book.allSealed(parts).compose(sections -> {
            if (sections != null) {
                return Future.succeededFuture(sections);
            }
            Promise<Void> later = Promise.promise();
            vertx.setTimer(WAIT_MS, id -> later.complete());
            return later.future().compose(v -> sealedSections());
        });
    }

    private Future<CrawlReport> writeSummary(CrawlStats stats, List<JsonObject> sections, ResourceSampler sampler,
                                             Instant started) {
        int concurrency = sections.stream().mapToInt(s -> s.getInteger("concurrency")).sum();
        RunSummary summary = stats.summary(new RunInfo(config.mode(), concurrency, config.seeds(), started,
                Instant.now(), 0), sampler.snapshot());
        JsonObject json = summary.toJson().put("parts", new JsonArray(new ArrayList<>(sections)));
        Path file = config.output().summary();
        return SummaryWriter.write(vertx, file, json)
                .map(v -> new CrawlReport(summary, config.output().records(), file, false));
    }
}
