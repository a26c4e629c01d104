package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values the config reader once let through and a settings record refused only after the records file had been
 * truncated (exit 1): each bound now has one owner, checked when the config and the flags load, so a bad value is one
 * line naming the key, exit code 2, and the output files are left exactly as they were.
 */
@Timeout(120)
class BadInputBoundsTest {
    private static final String SENTINEL = "an earlier crawl's output, not to be touched\n";

    @TempDir
    Path dir;

    private Path records;
    private Path summary;

    private Path sentinels() throws Exception {
        records = Files.writeString(dir.resolve("records.jsonl"), SENTINEL);
        summary = Files.writeString(dir.resolve("summary.json"), SENTINEL);
        return dir;
    }

    private void assertRefusedUntouched(CliRun r, String line) throws Exception {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(line + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(records)).isEqualTo(SENTINEL);
        assertThat(Files.readString(summary)).isEqualTo(SENTINEL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'{\"politeness\": {\"perHostConcurrency\": 20000}}' | politeness.perHostConcurrency: must be between 1 and 10000, got 20000",
        "'{\"politeness\": {\"perHostConcurrency\": 10001}}' | politeness.perHostConcurrency: must be between 1 and 10000, got 10001",
        "'{\"retry\": {\"baseDelayMs\": 100, \"maxDelayMs\": 50}}' | retry.maxDelayMs: must be at least baseDelayMs (100), got 50",
        "'{\"retry\": {\"maxDelayMs\": 99}}'                  | retry.maxDelayMs: must be at least baseDelayMs (100), got 99",
        "'{\"retry\": {\"baseDelayMs\": 6000}}'               | retry.maxDelayMs: must be at least baseDelayMs (6000), got 5000",
        "'{\"fetch\": {\"userAgent\": \"crawlcase/\u00e9t\u00e9\"}}' | fetch.userAgent: must be non-blank printable ASCII, got \"crawlcase/\u00e9t\u00e9\"",
        "'{\"fetch\": {\"userAgent\": \"a\\r\\nX-Evil: 1\"}}'  | fetch.userAgent: must be non-blank printable ASCII, got \"a\\r\\nX-Evil: 1\"",
        "'{\"fetch\": {\"firstByteTimeoutMs\": 40000}}'       | fetch.firstByteTimeoutMs: must not exceed totalTimeoutMs (30000), got 40000",
    })
    void aValueTheCrawlWouldRefuseIsRefusedWhenTheConfigLoads(String json, String problem) throws Exception {
        sentinels();
        Path config = Files.writeString(dir.resolve("crawl.json"), json);
        CliRun r = CliRun.of("run", "--config", config.toString(), "--out", records.toString(), "--summary",
                summary.toString(), "http://127.0.0.1:9/");
        assertRefusedUntouched(r, "crawler: " + config + ": " + problem);
    }

    @Test
    void aClusterFrontierIsHeldToTheConcurrencyBoundOfTheKeyItOverrides() throws Exception {
        sentinels();
        CliRun r = CliRun.of("cluster", "--role", "frontier", "--concurrency", "100001", "--out", records.toString(),
                "--summary", summary.toString(), "http://127.0.0.1:9/");
        assertRefusedUntouched(r, "crawler: --concurrency: must be <= 100000, got 100001");
    }

    @Test
    void aClusterFetcherIsHeldToTheSameConcurrencyBoundBeforeItJoins() {
        CliRun r = CliRun.of("cluster", "--role", "fetcher", "--concurrency", "100001");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("crawler: --concurrency: must be <= 100000, got 100001" + System.lineSeparator());
    }

    @Test
    void compareRefusesAPerHostLimitNoCrawlCouldRunBeforeAnyRun() throws Exception {
        Files.writeString(dir.resolve("crawl.json"), "{}");
        Path compare = Files.writeString(dir.resolve("compare.json"), "{\"perHostConcurrency\": 20000}");
        Path report = dir.resolve("report");
        CliRun r = CliRun.of("compare", "--config", compare.toString(), "--report", report.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("crawler: " + compare + ": perHostConcurrency: must be between 1 and 10000, got 20000"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(report).doesNotExist();
    }

    @Test
    void compareRefusesAProcessPoolOfNoProcessBeforeAnyRun() throws Exception {
        Files.writeString(dir.resolve("crawl.json"), "{}");
        Path compare = Files.writeString(dir.resolve("compare.json"), "{\"processes\": 0}");
        Path report = dir.resolve("report");
        CliRun r = CliRun.of("compare", "--config", compare.toString(), "--report", report.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("crawler: " + compare + ": processes: must be between 1 and ");
        assertThat(report).doesNotExist();
    }

    @Test
    void compareRefusesABadCrawlConfigBeforeAnyRun() throws Exception {
        Path crawl = Files.writeString(dir.resolve("crawl.json"), "{\"retry\": {\"maxDelayMs\": 10}}");
        Path compare = Files.writeString(dir.resolve("compare.json"), "{\"crawl\": \"crawl.json\"}");
        Path report = dir.resolve("report");
        CliRun r = CliRun.of("compare", "--config", compare.toString(), "--report", report.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("crawler: " + crawl.toAbsolutePath().normalize()
                + ": retry.maxDelayMs: must be at least baseDelayMs (100), got 10" + System.lineSeparator());
        assertThat(report).doesNotExist();
    }
}
