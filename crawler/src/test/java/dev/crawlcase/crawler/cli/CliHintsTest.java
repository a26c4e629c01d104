package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages carry the hint that fixes them; every command knows the build's version. */
class CliHintsTest {
    @Test
    void aMistypedFlagGetsASuggestion() {
        CliRun r = CliRun.of("run", "--concurency", "4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("crawler: Unknown option: '--concurency'")
                .contains("did you mean").contains(" --concurrency?").doesNotContain("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "cluster", "bench", "sites"})
    void aMistypedFlagGetsASuggestionInEveryCommand(String command) {
        CliRun r = CliRun.of(command, "--verison");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("crawler: Unknown option: '--verison'").contains("did you mean")
                .contains("--version").doesNotContain("\n");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        CliRun r = CliRun.of("rnu");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("did you mean run?").doesNotContain("\n");
    }

    @Test
    void aSeedWithoutSchemeIsShownTheUrlItProbablyMeant() {
        CliRun r = CliRun.of("run", "localhost:8081");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("crawler: seed 'localhost:8081': only http and https URLs can be "
                + "crawled; did you mean http://localhost:8081?");
    }

    @Test
    void anInvalidHostIsNotToldToSetAllowRemote() {
        CliRun r = CliRun.of("run", "http://x.invalid/");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("reserved .invalid domain").doesNotContain("set \"allowRemote\"")
                .doesNotContain("--allow-remote");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "cluster", "bench", "sites"})
    void everyCommandPrintsTheBuildsVersion(String command) {
        CliRun r = CliRun.of(command, "--version");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("crawlcase " + Version.number() + " on Java ");
        assertThat(Version.number()).doesNotContain("$").doesNotContain("dev").matches("\\d+\\.\\d+.*");
    }

    @Test
    void theCrawlerItselfPrintsTheBuildsVersion() {
        CliRun r = CliRun.of("--version");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("crawlcase " + Version.number() + " on Java ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "cluster", "bench"})
    void helpEndsWithTheExitCodes(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Exit codes:", "bad input", "the crawl fetched no page", "stopped by Ctrl-C")
                .contains("  4 ").contains("  130 ");
    }

    @Test
    void perHostHelpShowsItsDefault() {
        assertThat(CliRun.of("run", "--help").out()).contains("--per-host=N").contains("default 16");
    }

    @Test
    void aPortClashNamesThePortAndTheFix(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path sites = dir.resolve("sites.json");
            Files.writeString(sites, "{\"seed\": 3, \"sites\": [{\"name\": \"tiny\", \"port\": "
                    + taken.getLocalPort() + ", \"pages\": 12, \"levels\": 2}]}");
            Path config = TestConfig.crawl().sites("sites.json").outputIn(dir).writeTo(dir.resolve("crawl.json"));
            CliRun r = CliRun.of("run", "--quiet", "--config", config.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).contains("port already in use (configured ports: " + taken.getLocalPort() + ")")
                    .contains("--ephemeral-ports").doesNotContain("\n").doesNotContain("Exception");
        }
    }
}
