package dev.crawlcase.crawler.cli;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.TestConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compare} end to end on a tiny world in a child process: table, page-set check, report files. */
@Tag(Tags.NEWEST_JDK)
class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void comparesModesOnTheSameSitesAndWritesTheReport() throws Exception {
        Files.writeString(dir.resolve("tiny.json"), "{\"seed\": 9, \"sites\": [{\"name\": \"tiny\", \"port\": 0,"
                + " \"pages\": 15, \"levels\": 3, \"latency\": {\"type\": \"fixed\", \"value\": 5}}]}");
        TestConfig.crawl().sites("tiny.json").writeTo(dir.resolve("crawl.json"));
        Files.writeString(dir.resolve("compare.json"), "{\"crawl\": \"crawl.json\", \"sites\": \"tiny.json\","
                + " \"quickSites\": \"tiny.json\", \"modes\": [\"sequential\", \"async\"], \"concurrency\": 8}");
        Path report = dir.resolve("report");
        CliRun compare = CliRun.of("compare", "--config", dir.resolve("compare.json").toString(), "--quick",
                "--sweep", "2,8", "--report", report.toString());

        assertThat(compare.code()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("sequential", "async", "thread-pool", "x ideal")
                .contains("exactly the ground truth");
        assertThat(report.resolve("report.html")).exists();
        assertThat(report.resolve("wall-time-by-mode.png")).exists();
        assertThat(report.resolve("time-vs-concurrency.png")).exists();
        assertThat(report.resolve("threads-vs-concurrency.png")).exists();
        JsonObject json = new JsonObject(Files.readString(report.resolve("compare.json")));
        assertThat(json.getJsonArray("runs")).hasSizeGreaterThanOrEqualTo(2 + 4);
        json.getJsonArray("runs").forEach(run -> {
            JsonObject r = (JsonObject) run;
            assertThat(r.getBoolean("pageSetMatchesGroundTruth")).isTrue();
            assertThat(r.getDouble("idealSeconds")).isPositive();
        });
    }

    @Test
    void theProcessesRungRunsItsOwnPoolSizeBesideTheCommonConcurrency() throws Exception {
        Files.writeString(dir.resolve("tiny.json"), "{\"seed\": 9, \"sites\": [{\"name\": \"tiny\", \"port\": 0,"
                + " \"pages\": 15, \"levels\": 3, \"latency\": {\"type\": \"fixed\", \"value\": 5}}]}");
        TestConfig.crawl().sites("tiny.json").writeTo(dir.resolve("crawl.json"));
        Files.writeString(dir.resolve("compare.json"), "{\"crawl\": \"crawl.json\", \"sites\": \"tiny.json\","
                + " \"quickSites\": \"tiny.json\", \"modes\": [\"processes\", \"async\"], \"concurrency\": 8,"
                + " \"processes\": 2}");
        Path report = dir.resolve("report");
        CliRun compare = CliRun.of("compare", "--config", dir.resolve("compare.json").toString(), "--quick",
                "--report", report.toString());

        assertThat(compare.code()).as(compare.err()).isZero();
        JsonObject json = new JsonObject(Files.readString(report.resolve("compare.json")));
        assertThat(json.getJsonArray("runs").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("mode") + "@" + r.getInteger("concurrency")))
                .containsExactly("processes@2", "async@8");
    }
}
