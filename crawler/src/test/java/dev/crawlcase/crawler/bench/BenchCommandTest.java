package dev.crawlcase.crawler.bench;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.testkit.CliRun;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench} on the command line: bad flags are one line and exit 2; a tiny scenario runs end to end. */
@Tag(Tags.NEWEST_JDK)
class BenchCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bench --scenario nope        | crawler: --scenario: unknown scenario 'nope' (expected one of c10k, throughput, parse, memory, all)",
        "bench --scenario c10k,bogus  | crawler: --scenario: unknown scenario 'bogus'",
        "bench --modes turbo          | crawler: --modes: unknown mode 'turbo'",
        "bench --modes async,turbo    | crawler: --modes: unknown mode 'turbo'",
        "bench --scale 0              | crawler: --scale: must be > 0 and <= 1, got 0.0",
        "bench --scale 1.5            | crawler: --scale: must be > 0 and <= 1, got 1.5",
        "bench --scale lots           | crawler: Invalid value for option '--scale'",
        "bench --bogus                | crawler: Unknown option: '--bogus'",
    })
    void badInputIsOneLineAndExitCodeTwo(String args, String message) {
        CliRun r = run(args.trim().split("\\s+"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(message);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anOutputPathThatIsAFolderOrUnderAFileIsBadInput() throws Exception {
        CliRun folder = run("bench", "--out", dir.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err().strip()).isEqualTo("crawler: --out " + dir + ": is a folder");
        CliRun slash = run("bench", "--out", dir.resolve("newdir") + "/");
        assertThat(slash.code()).isEqualTo(2);
        assertThat(slash.err().strip()).isEqualTo("crawler: --out: names a folder (" + dir.resolve("newdir")
                + "/), expected a file");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliRun under = run("bench", "--out", file.resolve("bench.json").toString());
        assertThat(under.code()).isEqualTo(2);
        assertThat(under.err().strip()).isEqualTo("crawler: --out " + file.resolve("bench.json") + ": " + file
                + " is not a folder");
        CliRun work = run("bench", "--out", dir.resolve("b.json").toString(), "--work", file.toString());
        assertThat(work.code()).isEqualTo(2);
        assertThat(work.err().strip()).isEqualTo("crawler: --work " + file + ": is a file, expected a folder");
    }

    @Test
    void aTinyThroughputScenarioRunsInChildProcessesAndWritesItsResults() throws Exception {
        Path out = dir.resolve("results").resolve("bench.json");
        CliRun r = run("bench", "--scenario", "throughput", "--scale", "0.0004", "--modes", "async", "--no-wrk",
                "--out", out.toString(), "--work", dir.resolve("work").toString());

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("Throughput: 20 small pages", "wrk unavailable: not run (--no-wrk)", "async")
                .contains("NOT JUDGED");
        JsonObject json = new JsonObject(Files.readString(out));
        JsonArray scenarios = json.getJsonArray("scenarios");
        assertThat(scenarios).hasSize(1);
        JsonObject s = scenarios.getJsonObject(0);
        assertThat(s.getString("name")).isEqualTo("throughput");
        assertThat(s.getString("command")).isEqualTo("crawler bench --scenario throughput --scale 0.0004 --modes async"
                + " --no-wrk --out " + out + " --work " + dir.resolve("work"));
        assertThat(s.getString("machine")).contains("cores", "Java");
        JsonObject async = s.getJsonArray("runs").getJsonObject(0);
        assertThat(async.getString("mode")).isEqualTo("async");
        assertThat(async.getJsonObject("summary").getLong("pages")).isGreaterThanOrEqualTo(20);
        assertThat(async.getLong("peakRssBytes")).isPositive();
        assertThat(Files.readString(BenchReport.markdownPath(out))).contains("| async | 64 |");
        // async also runs with --warc and with --records full: what keeping the pages costs
        assertThat(s.getJsonArray("runs").getJsonObject(1).getString("keeps")).isEqualTo("async --warc");
        assertThat(s.getJsonArray("runs").getJsonObject(2).getString("keeps")).isEqualTo("async --records full");
        assertThat(Files.readString(BenchReport.markdownPath(out))).contains("| async --warc | 64 |",
                "| async --records full | 64 |");
        assertThat(dev.crawlcase.crawler.testkit.WarcReaders.files(dir.resolve("work/throughput/async-64-warc-warc")))
                .isNotEmpty();
        // the HTTP/2 row: the same crawl over h2c, on as few connections as multiplexing needs
        assertThat(async.getString("httpVersion")).isEqualTo("1.1");
        assertThat(async.getLong("http2Requests")).isZero();
        JsonObject h2 = s.getJsonArray("runs").getJsonObject(3);
        assertThat(h2.getString("mode")).isEqualTo("async");
        assertThat(h2.getString("httpVersion")).isEqualTo("2");
        assertThat(h2.getJsonObject("summary").getLong("pages")).isEqualTo(async.getJsonObject("summary").getLong("pages"));
        assertThat(h2.getLong("http2Requests")).isPositive();
        assertThat(h2.getLong("connectionsOpened")).isPositive().isLessThanOrEqualTo(async.getLong("connectionsOpened"));
        assertThat(Files.readString(BenchReport.markdownPath(out))).contains("| async h2 | 64 |");
    }

    @Test
    void aTrialRunWritesUnderTargetNotOverTheReferenceResults() {
        String out = new picocli.CommandLine(new BenchCommand()).getCommandSpec().findOption("--out").defaultValue();
        assertThat(out).startsWith("target/").doesNotContain("results");
    }
}
