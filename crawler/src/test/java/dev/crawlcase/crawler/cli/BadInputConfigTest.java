package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad config files and bad seed URLs on the command line: each is one line on stderr and exit code 2, before any
 * request is made (cases CrawlConfigLoaderTest and CrawlerMainTest already cover are not repeated here).
 */
class BadInputConfigTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private CliRun runWithConfig(String json, String... more) throws Exception {
        Path config = dir.resolve("crawl.json");
        Files.writeString(config, json);
        String[] args = new String[more.length + 3];
        args[0] = "run";
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return run(args);
    }

    private static void assertOneLine(CliRun r, String expectedStart) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith(expectedStart);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''                                     | not a JSON object",
        "'   \n  '                              | not a JSON object",
        "null                                   | not a JSON object",
        "'[{\"mode\": \"async\"}]'              | not a JSON object",
        "'\"async\"'                            | not a JSON object",
        "42                                     | not a JSON object",
        "'{\"concurrency\": NaN}'               | not a JSON object",
        "'{\"concurrency\": Infinity}'          | not a JSON object",
        "'{\"concurrency\": \"NaN\"}'           | concurrency: must be a whole number, got \"NaN\"",
        "'{\"concurrency\": \"Infinity\"}'      | concurrency: must be a whole number, got \"Infinity\"",
        "'{\"concurrency\": 1e400}'             | concurrency: must be a whole number, got Infinity",
        "'{\"concurrency\": 3000000000}'        | concurrency: must be between 1 and 100000, got 3000000000",
        "'{\"concurrency\": 18446744073709551620}' | concurrency: must be between 1 and 100000, got 18446744073709551620",
        "'{\"maxPages\": 99999999999999999999}' | maxPages: must be between 0 and 9223372036854775807, got 99999999999999999999",
        "'{\"maxPages\": 1e30}'                 | maxPages: must be between 0 and 9223372036854775807, got 1.0E30",
        "'{\"maxPages\": -1}'                   | maxPages: must be between 0 and 9223372036854775807, got -1",
        "'{\"fetch\": {\"maxBodyBytes\": 0}}'   | fetch.maxBodyBytes: must be between 1 and 2147483647, got 0",
        "'{\"fetch\": {\"maxRedirects\": 101}}' | fetch.maxRedirects: must be between 0 and 100, got 101",
        "'{\"fetch\": {\"totalTimeoutMs\": -5}}' | fetch.totalTimeoutMs: must be between 1 and 3600000, got -5",
        "'{\"retry\": {\"maxRetries\": true}}'  | retry.maxRetries: must be a whole number, got true",
        "'{\"seeds\": \"http://127.0.0.1/\"}'   | seeds: must be an array of strings",
        "'{\"output\": {\"records\": \"\"}}'    | output.records: must be a non-empty string",
        "'{\"politeness\": {\"perHostConcurrency\": 4, \"perHostConcurency\": 4}}' | politeness.perHostConcurency: unknown key",
        "'{\"leaseTimeoutMs\": 1000}'           | leaseTimeoutMs: must exceed fetch.totalTimeoutMs",
    })
    void aBadConfigFileIsOneLineAndExitTwo(String json, String problem) throws Exception {
        CliRun r = runWithConfig(json);
        assertOneLine(r, "crawler: " + dir.resolve("crawl.json") + ": " + problem);
    }

    @Test
    void aConfigThatIsNotUtf8TextIsOneLine() throws Exception {
        Path config = dir.resolve("crawl.json");
        Files.write(config, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x7b, 0x7d, (byte) 0xc3});
        CliRun r = run("run", "--config", config.toString());
        assertOneLine(r, "crawler: " + config + ": ");
    }

    @Test
    void aConfigThatIsAFolderIsOneLine() {
        CliRun r = run("run", "--config", dir.toString());
        assertOneLine(r, "crawler: " + dir + ": cannot read");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mailto:someone@127.0.0.1            | only http and https URLs can be crawled",
        "file:///etc/passwd                  | only http and https URLs can be crawled",
        "javascript:alert(1)                 | only http and https URLs can be crawled",
        "127.0.0.1/page                      | only http and https URLs can be crawled",
        "/relative/path                      | only http and https URLs can be crawled",
        "http:///no-host                     | has no host",
        "http:/no-host                       | has no host",
        "http://                             | not a valid URL",
        "http://[::1                         | not a valid URL",
        "http://127.0.0.1:8080:9/            | has no host",
        "http://127.0.0.1/a b                | not a valid URL",
        "http://127.0.0.1:99999/             | port 99999 is out of range",
        "http://127.0.0.1:0/                 | port 0 is out of range",
    })
    void aSeedThatIsNotACrawlableUrlIsOneLineAndExitTwo(String seed, String problem) {
        CliRun r = run("run", seed);
        assertOneLine(r, "crawler: seed '" + seed + "': " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--concurrency 100001          | crawler: --concurrency: must be <= 100000, got 100001",
        "--concurrency 99999999999     | crawler: Invalid value for option '--concurrency'",
        "--max-depth 10001             | crawler: --max-depth: must be <= 10000, got 10001",
        "--max-pages -5                | crawler: --max-pages: must be >= 0, got -5",
        "--max-pages 1e9               | crawler: Invalid value for option '--max-pages'",
        "--mode                        | crawler: Missing required parameter for option '--mode'",
        "--out                         | crawler: Missing required parameter for option '--out'",
    })
    void anOutOfRangeOrMissingFlagValueIsOneLineAndExitTwo(String flags, String message) {
        String[] parts = flags.trim().split("\\s+");
        String[] args = new String[parts.length + 1];
        args[0] = "run";
        System.arraycopy(parts, 0, args, 1, parts.length);
        assertOneLine(run(args), message);
    }

    @Test
    void aTrustCertificateThatIsMissingOrNotPemIsOneLineAndExitTwo() throws Exception {
        CliRun missing = runWithConfig("{\"fetch\": {\"trustCertificates\": [\"missing.pem\"]}}",
                "http://127.0.0.1:1/");
        assertOneLine(missing, "crawler: " + dir.resolve("crawl.json") + ": fetch.trustCertificates[0]: cannot read "
                + dir.resolve("missing.pem"));
        Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
        CliRun garbage = runWithConfig("{\"fetch\": {\"trustCertificates\": [\"garbage.pem\"]}}",
                "http://127.0.0.1:1/");
        assertOneLine(garbage, "crawler: " + dir.resolve("crawl.json") + ": fetch.trustCertificates[0]: ");
        assertThat(garbage.err()).contains("PEM certificate");
    }

    @Test
    void aBadSeedInTheConfigFileIsOneLineToo() throws Exception {
        CliRun r = runWithConfig("{\"seeds\": [\"http://127.0.0.1:1/\", \"gopher://127.0.0.1/\"]}");
        assertOneLine(r, "crawler: seed 'gopher://127.0.0.1/': only http and https URLs can be crawled");
    }

    @Test
    void anInvalidTldSeedIsRefusedByTheLoopbackRuleBeforeAnyLookup() {
        CliRun r = run("run", "http://nonexistent.invalid/");
        assertOneLine(r, "crawler: seed 'http://nonexistent.invalid/': host nonexistent.invalid is not loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://nonexistent.invalid/", "https://a.b.INVALID./x", "http://invalid/"})
    void withAllowRemoteAnInvalidTldSeedIsStillRefusedWithoutResolvingIt(String seed) throws Exception {
        CliRun r = runWithConfig("{\"allowRemote\": true}", seed);
        assertOneLine(r, "crawler: seed '" + seed + "': host ");
        assertThat(r.err()).contains("reserved .invalid domain");
    }

    @Test
    void aRecordsFileThatIsAFolderIsOneLineBeforeAnyRequest() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        CliRun r = run("run", "--out", folder.toString(), "--summary", dir.resolve("s.json").toString(), "http://127.0.0.1:9/");
        assertOneLine(r, "crawler: records file " + folder + ": is a folder");
        assertThat(dir.resolve("s.json")).doesNotExist();
    }

    @Test
    void aSummaryFileUnderAPlainFileIsOneLineBeforeAnyRequest() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "keep me");
        Path summary = plain.resolve("summary.json");
        CliRun r = run("run", "--out", dir.resolve("r.jsonl").toString(), "--summary", summary.toString(),
                "http://127.0.0.1:9/");
        assertOneLine(r, "crawler: summary file " + summary + ": " + plain + " is not a folder");
        assertThat(dir.resolve("r.jsonl")).doesNotExist();
        assertThat(Files.readString(plain)).isEqualTo("keep me");
    }
}
