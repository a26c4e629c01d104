package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request controls given wrong, in crawl.json or as flags of run: each is one line naming the key or flag, exit 2,
 * before any request and before any output file. A password never appears in the message.
 */
class BadInputRequestControlsTest {
    @TempDir
    Path dir;

    private CliRun runWithConfig(String json, String... more) throws Exception {
        Path config = Files.writeString(dir.resolve("crawl.json"), json);
        String[] args = new String[more.length + 7];
        args[0] = "run";
        args[1] = "--config";
        args[2] = config.toString();
        args[3] = "--out";
        args[4] = dir.resolve("r.jsonl").toString();
        args[5] = "--summary";
        args[6] = dir.resolve("s.json").toString();
        System.arraycopy(more, 0, args, 7, more.length);
        return CliRun.of(args);
    }

    private void assertOneLine(CliRun r, String expectedStart) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith(expectedStart);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("r.jsonl")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'{\"fetch\": {\"headers\": {\"Bad Name\": \"x\"}}}'        | fetch.headers.Bad Name: must be a header name",
        "'{\"fetch\": {\"headers\": {\"Authorization\": \"x\"}}}'   | fetch.headers.Authorization: is set by crawlcase itself or by fetch.auth",
        "'{\"fetch\": {\"headers\": {\"X-A\": \"a\\nb\"}}}'         | fetch.headers.X-A: must be non-blank printable ASCII",
        "'{\"fetch\": {\"headers\": {\"X-A\": 3}}}'                 | fetch.headers.X-A: must be a non-empty string",
        "'{\"fetch\": {\"hostHeaders\": [{\"hosts\": \"a b\", \"headers\": {}}]}}' | fetch.hostHeaders[0].hosts: must be *, a host, or *.domain",
        "'{\"fetch\": {\"acceptLanguage\": \"d\\u00e9\"}}'          | fetch.acceptLanguage: must be non-blank printable ASCII",
        "'{\"fetch\": {\"cookies\": \"yes\"}}'                      | fetch.cookies: must be true or false",
        "'{\"fetch\": {\"auth\": [{\"hosts\": \"*\", \"user\": \"u\"}]}}' | fetch.auth[0].password: give exactly one of password and passwordEnv",
        "'{\"fetch\": {\"auth\": [{\"hosts\": \"*\", \"user\": \"u\", \"passwordEnv\": \"CRAWLCASE_NO_SUCH_VAR_18\"}]}}' | fetch.auth[0].passwordEnv: environment variable CRAWLCASE_NO_SUCH_VAR_18 is not set",
        "'{\"fetch\": {\"auth\": [{\"hosts\": \"*\", \"user\": \"a:b\", \"password\": \"pw\"}]}}' | fetch.auth[0].user: must be non-empty, without ':'",
        "'{\"fetch\": {\"proxy\": \"socks5://127.0.0.1:1080\"}}'    | fetch.proxy: must be http://host:port",
        "'{\"fetch\": {\"proxy\": \"http://proxy.example.com:3128\"}}' | fetch.proxy: is not on loopback (proxy.example.com): a remote proxy needs allowRemote",
    })
    void aBadRequestControlInTheConfigIsOneLine(String json, String problem) throws Exception {
        assertOneLine(runWithConfig(json, "http://127.0.0.1:9/"),
                "crawler: " + (problem.startsWith("fetch.proxy: is not") ? "" : dir.resolve("crawl.json") + ": ")
                        + problem);
    }

    @Test
    void badFlagsNameTheFlag() throws Exception {
        assertOneLine(runWithConfig("{}", "--header", "NoColon", "http://127.0.0.1:9/"),
                "crawler: --header: must be 'Name: value'");
        assertOneLine(runWithConfig("{}", "--header", "Host: x", "http://127.0.0.1:9/"),
                "crawler: --header: is set by crawlcase itself");
        assertOneLine(runWithConfig("{}", "--proxy", "http://10.0.0.1:3128", "http://127.0.0.1:9/"),
                "crawler: fetch.proxy: is not on loopback (10.0.0.1)");
        assertOneLine(runWithConfig("{}", "--auth", "127.0.0.1", "http://127.0.0.1:9/"),
                "crawler: --auth: must be HOSTS=USER");
    }

    @Test
    void aPasswordInTheConfigNeverShowsInAnError() throws Exception {
        CliRun r = runWithConfig("{\"fetch\": {\"auth\": [{\"hosts\": \"*\", \"user\": \"u\", \"password\": \"hunter2-pw\"}],"
                + " \"proxy\": \"http://192.0.2.1:3128\"}}", "http://127.0.0.1:9/");
        assertOneLine(r, "crawler: fetch.proxy: is not on loopback");
        assertThat(r.err()).doesNotContain("hunter2-pw");
    }
}
