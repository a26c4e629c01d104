package dev.crawlcase.crawler.cli;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.TestConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.BOUND_S;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comparison stopped by a signal (a child JVM, SIGTERM as Ctrl-C's twin) says which run it stopped in and on which
 * sites, prints the table of the runs that finished, writes their report as valid files, and exits with the stop's
 * code; the run it cut short is in neither the table nor the report.
 */
@Tag(Tags.NEWEST_JDK)
class CompareStopTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aStoppedCompareSaysWhatItStoppedInAndReportsTheRunsThatFinished() throws Exception {
        // async first (quick), then sequential: 80 pages one after another at 50 ms each, so the signal lands in it
        Files.writeString(dir.resolve("slow.json"), "{\"seed\": 4, \"sites\": [{\"name\": \"slow\", \"port\": 0,"
                + " \"pages\": 80, \"levels\": 4, \"latency\": {\"type\": \"fixed\", \"value\": 50}}]}");
        TestConfig.crawl().sites("slow.json").writeTo(dir.resolve("crawl.json"));
        Files.writeString(dir.resolve("compare.json"), "{\"crawl\": \"crawl.json\", \"sites\": \"slow.json\","
                + " \"quickSites\": \"slow.json\", \"modes\": [\"async\", \"sequential\"], \"concurrency\": 8}");
        CrawlerProcess compare = kit.start(dir, "compare", List.of("compare", "--config", "compare.json",
                "--report", "report"));
        compare.awaitOutput(BOUND_S, "  sequential   concurrency 1");
        compare.terminate();

        assertThat(compare.exitCode(BOUND_S)).as(compare.output()).isIn(130, 143);
        assertThat(compare.output())
                .contains("compare: stopped during sequential at concurrency 1 (sites: slow.json); 1 of 2 runs"
                        + " finished:")
                .containsPattern("\\nasync +8 ");
        assertThat(compare.output().lines().filter(l -> l.startsWith("sequential"))).as("no row for the cut run")
                .isEmpty();
        Path report = dir.resolve("report");
        JsonObject json = new JsonObject(Files.readString(report.resolve("compare.json")));
        JsonArray runs = json.getJsonArray("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.getJsonObject(0).getString("mode")).isEqualTo("async");
        assertThat(runs.getJsonObject(0).getBoolean("pageSetMatchesGroundTruth")).isTrue();
        assertThat(json.getJsonArray("notes").getString(0))
                .isEqualTo("stopped during sequential at concurrency 1; 1 of 2 runs finished");
        assertThat(report.resolve("report.html")).as(compare.output()).content().contains("stopped during sequential");
        // the cut run's own files are complete too: every line a whole record
        assertThat(RecordsFile.read(report.resolve("runs/sequential-1.jsonl"))).isNotEmpty();
    }
}
