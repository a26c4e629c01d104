package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, run in-process with captured output. */
class CrawlerMainTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --mode turbo                 | crawler: --mode: unknown mode 'turbo'",
        "run --bogus                      | crawler: Unknown option: '--bogus'",
        "run --concurrency 0              | crawler: --concurrency: must be >= 1, got 0",
        "run --max-depth -1               | crawler: --max-depth: must be >= 0, got -1",
        "run --concurrency many           | crawler: Invalid value for option '--concurrency'",
        "run ftp://127.0.0.1/             | crawler: seed 'ftp://127.0.0.1/': only http and https URLs can be crawled",
        "run http://example.com/          | crawler: seed 'http://example.com/': host example.com is not loopback",
        "run --config /nonexistent.json   | crawler: /nonexistent.json: no such config file",
        "compare --config /nonexistent.json | crawler: /nonexistent.json: no such config file",
        "compare --sweep 1,x --config ../config/compare.json | crawler: --sweep: not a whole number: 'x'",
    })
    void badInputIsOneLineAndExitCodeTwo(String args, String message) {
        CliRun r = run(args.trim().split("\\s+"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(message);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aBadConfigValueNamesTheKey() throws Exception {
        Path config = dir.resolve("c.json");
        Files.writeString(config, "{\"politeness\": {\"perHostConcurrency\": \"lots\"}}");
        CliRun r = run("run", "--config", config.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("crawler: " + config
                + ": politeness.perHostConcurrency: must be a whole number, got \"lots\"");
    }

    @Test
    void runCrawlsTheBundledSitesAndWritesBothFiles() throws Exception {
        Path sites = dir.resolve("sites.json");
        Files.writeString(sites, "{\"seed\": 3, \"sites\": [{\"name\": \"tiny\", \"port\": 0, \"pages\": 12, \"levels\": 2}]}");
        Path config = dir.resolve("crawl.json");
        TestConfig.crawl().sites("sites.json").writeTo(config);
        CliRun r = run("run", "--config", config.toString(), "--mode", "thread-pool", "--concurrency", "4",
                "--out", dir.resolve("out.jsonl").toString(), "--summary", dir.resolve("summary.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("thread-pool").contains("records: " + dir.resolve("out.jsonl"));
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).isNotEmpty();
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"mode\" : \"thread-pool\"");
    }

    @Test
    void runTrustsTheCertificateOfABundledTlsWorldAndOnlyIt() throws Exception {
        Path sites = dir.resolve("sites.json");
        Files.writeString(sites, "{\"seed\": 3, \"tls\": true, \"sites\": [{\"name\": \"tiny\", \"port\": 0,"
                + " \"pages\": 12, \"levels\": 2}]}");
        Path config = dir.resolve("crawl.json");
        TestConfig.crawl().sites("sites.json").timeouts(5_000, 5_000, 10_000).writeTo(config);
        CliRun r = run("run", "--config", config.toString(), "--mode", "async", "--quiet",
                "--out", dir.resolve("out.jsonl").toString(), "--summary", dir.resolve("summary.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> records = Files.readAllLines(dir.resolve("out.jsonl"));
        assertThat(records).anyMatch(line -> line.startsWith("{\"url\":\"https://127.0.0.1:")
                && line.contains("\"outcome\":\"fetched\""));
        assertThat(records).noneMatch(line -> line.contains("\"reason\":\"tls_"));
    }

    @Test
    void helpListsTheCommands() {
        CliRun r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("compare", "run", "sites");
    }

    @Test
    void sharedOptionsKeepEachCommandsHelpText() {
        assertThat(run("run", "--help").out()).contains("--out=FILE.jsonl      One JSON record per URL.",
                "--summary=FILE.json   Counts, rates, latency percentiles, resources.",
                "--mode=M              sequential, processes, thread-pool, poll, selector,", "--quiet               No live");
        assertThat(run("cluster", "--help").out()).contains("--out=FILE.jsonl      Frontier only: one JSON record",
                "--summary=FILE.json   Frontier only: the run's summary.",
                "--mode=M              sequential, processes, thread-pool, poll, selector,", "--quiet               No live");
    }

    @Test
    void aFailureIsOneLineInItsOwnWordsNotItsWrappers() {
        Throwable wrapped = new java.util.concurrent.CompletionException(new java.io.UncheckedIOException(
                "cannot start a fetch worker process: fetch worker 8047 ended", new java.io.IOException("ended")));
        assertThat(CrawlerMain.failure(wrapped)).isEqualTo("cannot start a fetch worker process: fetch worker 8047 ended");
        assertThat(CrawlerMain.failure(new java.util.concurrent.CompletionException(new IllegalStateException("x"))))
                .isEqualTo("java.lang.IllegalStateException: x");
    }
}
