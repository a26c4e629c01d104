package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every output path is checked before any request: missing folders are made, a path that can never be written
 * (a folder given as a file, a clash with another output or with the state, a folder that takes no files) is one
 * line naming it, exit code 2, and not one request to the sites.
 */
class OutputPathsTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;
    /** Sites whose request counter shows that a refused run asked nothing of them; started on first use. */
    private FakeWorld world;

    private FakeWorld world() {
        if (world == null) {
            world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(),
                    WorldConfig.of(3, SiteSpec.named("dozen").withPages(12, 3))));
        }
        return world;
    }

    private CliRun run(String... flags) {
        List<String> args = new ArrayList<>(List.of("run", "--quiet"));
        args.addAll(List.of(flags));
        args.add(world().seedUrls().get(0));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void assertRefusedBeforeAnyRequest(CliRun r, String line) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("crawler: " + line).doesNotContain("\n").doesNotContain("Exception");
        assertThat(world().counters().totalRequests()).isZero();
    }

    @Test
    void missingFoldersOfBothFilesAreMade() {
        Path records = dir.resolve("a/records.jsonl");
        Path summary = dir.resolve("b/c/summary.json");
        CliRun r = run("--out", records.toString(), "--summary", summary.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(records).isNotEmptyFile();
        assertThat(summary).isNotEmptyFile();
    }

    @Test
    void theRecordsAndTheSummaryCannotBeOneFile() {
        Path both = dir.resolve("x");
        assertRefusedBeforeAnyRequest(run("--out", both.toString(), "--summary", both.toString()),
                "summary file " + both + ": is also the records file");
    }

    @Test
    void neitherFileMayBeOneOfTheStates() {
        Path state = dir.resolve("state");
        Path store = state.resolve(StateStore.FILE);
        assertRefusedBeforeAnyRequest(run("--state", state.toString(), "--out", store.toString(),
                "--summary", dir.resolve("s.json").toString()), "records file " + store + ": is inside the state folder");
        assertRefusedBeforeAnyRequest(run("--state", state.toString(), "--out", dir.resolve("r.jsonl").toString(),
                "--summary", store.toString()), "summary file " + store + ": is inside the state folder");
        assertThat(state).doesNotExist();
    }

    @Test
    void aFolderGivenAsAFileIsRefused() {
        assertRefusedBeforeAnyRequest(run("--out", dir.resolve("newdir") + "/"), "--out: names a folder");
        assertRefusedBeforeAnyRequest(run("--summary", dir + "/"), "--summary: names a folder");
        assertThat(dir.resolve("newdir")).doesNotExist();
    }

    @Test
    void aFolderThatTakesNoFilesIsRefused() {
        assertRefusedBeforeAnyRequest(run("--out", "/proc/x", "--summary", dir.resolve("s.json").toString()),
                "records file /proc/x: cannot create files in /proc");
        assertRefusedBeforeAnyRequest(run("--out", dir.resolve("r.jsonl").toString(), "--summary", "/proc/x/s.json"),
                "summary file /proc/x/s.json: cannot create files in /proc");
    }

    @Test
    void aFolderWithoutWritePermissionIsRefused() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assertRefusedBeforeAnyRequest(run("--out", locked.resolve("r.jsonl").toString()),
                "records file " + locked.resolve("r.jsonl") + ": cannot create files in " + locked
                        + " (permission denied)");
    }

    @Test
    void compareAndBenchCheckTheirOutputsBeforeAnyWork() throws Exception {
        TestConfig.crawl().sites("tiny.json").writeTo(dir.resolve("crawl.json"));
        Files.writeString(dir.resolve("compare.json"), "{\"crawl\": \"crawl.json\", \"sites\": \"none.json\","
                + " \"quickSites\": \"none.json\", \"modes\": [\"async\"], \"concurrency\": 8}");
        CliRun report = CliRun.of("compare", "--config", dir.resolve("compare.json").toString(), "--report", "/proc/x");
        assertRefusedBeforeAnyRequest(report, "--report /proc/x: cannot create files in /proc");
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertRefusedBeforeAnyRequest(CliRun.of("compare", "--config", dir.resolve("compare.json").toString(),
                "--report", plain.toString()), "--report " + plain + ": is a file, expected a folder");
        assertRefusedBeforeAnyRequest(CliRun.of("bench", "--out", "/proc/x.json"),
                "--out /proc/x.json: cannot create files in /proc");
    }
}
