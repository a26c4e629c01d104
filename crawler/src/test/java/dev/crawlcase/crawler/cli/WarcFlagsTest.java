package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad {@code --warc}, {@code --records} and their config keys: one line naming the flag or key, exit code 2, before
 * any request and before any output file is made.
 */
class WarcFlagsTest {
    private static final String SEED = "http://127.0.0.1:9/";
    @TempDir
    Path dir;

    private static void assertOneLine(CliRun r, String... parts) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("crawler: ").contains(parts).doesNotContain("\n")
                .doesNotContain("Exception");
    }

    private CliRun run(String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "run";
        args[1] = "--out";
        args[2] = dir.resolve("r.jsonl").toString();
        args[3] = "--summary";
        args[4] = dir.resolve("s.json").toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return CliRun.of(args);
    }

    @Test
    void aWarcFolderThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertOneLine(run("--warc", file.toString(), SEED), "WARC folder " + file, "is a file");
        assertThat(dir.resolve("r.jsonl")).doesNotExist();
    }

    @Test
    void aWarcFolderInsideTheStateIsRefused() {
        Path state = dir.resolve("state");
        assertOneLine(run("--state", state.toString(), "--warc", state.resolve("warc").toString(), SEED),
                "WARC folder", "is inside the state folder");
    }

    @Test
    void theLoopModesWithoutARawCaptureRefuseToArchive() {
        assertOneLine(run("--mode", "poll", "--warc", dir.resolve("w").toString(), SEED),
                "--warc: poll mode keeps no raw copy");
        assertOneLine(run("--mode", "selector", "--warc", dir.resolve("w").toString(), SEED),
                "--warc: selector mode keeps no raw copy");
        assertThat(dir.resolve("r.jsonl")).doesNotExist();
    }

    /** A worker process's result crosses the pipe without its capture, so there is nothing to archive. */
    @Test
    void theProcessPoolRefusesToArchive() {
        assertOneLine(run("--mode", "processes", "--warc", dir.resolve("w").toString(), SEED),
                "--warc: processes mode keeps no raw copy");
        assertThat(dir.resolve("r.jsonl")).doesNotExist();
    }

    @Test
    void anUnknownRecordDetailIsRefused() {
        assertOneLine(run("--records", "everything", SEED), "expected basic, full or text, got 'everything'");
    }

    @Test
    void badConfigKeysNameTheKey() throws Exception {
        Path config = dir.resolve("crawl.json");
        Files.writeString(config, "{\"output\": {\"recordDetail\": \"most\"}}");
        assertOneLine(run("--config", config.toString(), SEED), "output.recordDetail");
        Files.writeString(config, "{\"output\": {\"warcFileBytes\": 10}}");
        assertOneLine(run("--config", config.toString(), SEED), "output.warcFileBytes", "4096");
        Files.writeString(config, "{\"robots\": {\"obeyPageDirectives\": \"yes\"}}");
        assertOneLine(run("--config", config.toString(), SEED), "robots.obeyPageDirectives");
    }
}
