package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.TestConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * poll and selector speak plain HTTP/1.1 over raw sockets: an https seed or another HTTP version is refused in one
 * line, exit 2, before anything is written.
 */
class PlainHttpCheckTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"poll", "selector"})
    void httpsSeedsAndHttp2AreRefusedByTheSocketRungs(String mode) throws Exception {
        CliRun https = CliRun.of("run", "--mode", mode, "--out", dir.resolve("r.jsonl").toString(), "--summary",
                dir.resolve("s.json").toString(), "https://127.0.0.1:9/");
        assertThat(https.code()).as(https.err()).isEqualTo(2);
        assertThat(https.err().strip()).startsWith("crawler: seed 'https://127.0.0.1:9/': " + mode
                + " mode speaks plain http only").doesNotContain("\n");

        Path h2 = TestConfig.crawl().httpVersion("2").writeTo(dir.resolve("crawl.json"));
        CliRun version = CliRun.of("run", "--mode", mode, "--config", h2.toString(), "--out",
                dir.resolve("r.jsonl").toString(), "--summary", dir.resolve("s.json").toString(), "http://127.0.0.1:9/");
        assertThat(version.code()).as(version.err()).isEqualTo(2);
        assertThat(version.err().strip()).startsWith("crawler: fetch.httpVersion: " + mode + " mode speaks HTTP/1.1")
                .doesNotContain("\n");
        assertThat(dir.resolve("r.jsonl")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"poll", "selector"})
    void requestControlsAreRefusedByTheSocketRungs(String mode) {
        for (String[] control : new String[][] {{"--header", "X-A: 1"}, {"--keep-cookies"}, {"--proxy", "http://127.0.0.1:9"},
                {"--accept-language", "de"}}) {
            String[] args = new String[control.length + 8];
            String[] head = {"run", "--mode", mode, "--out", dir.resolve("r.jsonl").toString(), "--summary",
                    dir.resolve("s.json").toString()};
            System.arraycopy(head, 0, args, 0, head.length);
            System.arraycopy(control, 0, args, head.length, control.length);
            args[args.length - 1] = "http://127.0.0.1:9/";
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("crawler: fetch.").contains(": " + mode
                    + " mode sends a fixed request head").doesNotContain("\n");
            assertThat(dir.resolve("r.jsonl")).doesNotExist();
        }
    }
}
