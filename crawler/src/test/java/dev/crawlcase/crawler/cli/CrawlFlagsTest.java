package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The crawl flags over crawl.json keys, held to the keys' bounds, and the note when concurrency cannot be reached. */
class CrawlFlagsTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --per-host 0            | crawler: --per-host: must be >= 1, got 0",
        "run --per-host 10001        | crawler: --per-host: must be <= 10000, got 10001",
        "run --delay -1              | crawler: --delay: must be >= 0, got -1",
        "run --include (             | crawler: --include: not a valid regex",
        "run --exclude [             | crawler: --exclude: not a valid regex",
        "run --dashboard=abc         | crawler: --dashboard: a port number from 0 to 65535",
        "run --dashboard 65536       | crawler: --dashboard: a port number from 0 to 65535",
        "compare --dashboard=-1      | crawler: --dashboard: a port number from 0 to 65535",
        "run --dashboard-hosts 0     | crawler: --dashboard-hosts: a number of hosts from 1 to 1000, got '0'",
        "compare --dashboard-hosts x | crawler: --dashboard-hosts: a number of hosts from 1 to 1000, got 'x'",
        "cluster --role frontier --per-host 0 | crawler: --per-host: must be >= 1, got 0",
    })
    void flagsAreHeldToTheBoundsOfTheirKeys(String args, String message) {
        CliRun r = CliRun.of(args.trim().split("\\s+"));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith(message);
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void aBadUserAgentNamesTheFlag() {
        CliRun r = CliRun.of("run", "--user-agent", "bad\tagent");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("crawler: --user-agent: must be non-blank printable ASCII");
    }

    @Test
    void theRemoteHostRefusalNamesTheFlag() {
        CliRun r = CliRun.of("run", "http://example.com/");
        assertThat(r.err()).contains("--allow-remote");
    }

    @Test
    void flagsOverrideTheirKeys() {
        CrawlFlags flags = CommandLine.populateCommand(new CrawlFlags(), "--allow-remote", "--include", "a.*",
                "--exclude", "b", "--user-agent", "agent/1", "--per-host", "3", "--delay", "7");
        CrawlConfig c = flags.apply(CrawlConfigLoader.bundled());
        assertThat(c.allowRemote()).isTrue();
        assertThat(c.scope().include()).endsWith("a.*");
        assertThat(c.scope().exclude()).endsWith("b");
        assertThat(c.fetch().userAgent()).isEqualTo("agent/1");
        assertThat(c.politeness()).isEqualTo(new CrawlConfig.Politeness(3, 7));
    }

    private CliRun crawl(String seed, String... flags) {
        List<String> args = new ArrayList<>(List.of("run", "--quiet", "--mode", "async",
                "--out", dir.resolve("r.jsonl").toString(), "--summary", dir.resolve("s.json").toString()));
        args.addAll(List.of(flags));
        args.add(seed);
        return CliRun.of(args.toArray(String[]::new));
    }

    private String oneHost() {
        FakeWorld world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(),
                WorldConfig.of(3, SiteSpec.named("tiny").withPages(12, 3))));
        return world.seedUrls().get(0);
    }

    @Test
    void concurrencyAboveWhatOneHostAllowsIsNotedAndLowered() throws Exception {
        CliRun r = crawl(oneHost(), "--concurrency", "64");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("crawler: note: concurrency 64 cannot be reached: 1 host x 16 per host; "
                + "running 16 in flight");
        assertThat(new JsonObject(Files.readString(dir.resolve("s.json"))).getInteger("concurrency")).isEqualTo(16);
    }

    @Test
    void perHostFlagRaisesWhatCanBeInFlight() throws Exception {
        CliRun r = crawl(oneHost(), "--concurrency", "64", "--per-host", "64", "--delay", "0",
                "--user-agent", "flag-agent", "--exclude", "/nothing-matches-this$");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("note:");
        assertThat(new JsonObject(Files.readString(dir.resolve("s.json"))).getInteger("concurrency")).isEqualTo(64);
    }
}
