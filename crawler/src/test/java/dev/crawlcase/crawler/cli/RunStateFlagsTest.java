package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --state DIR [--resume]}: what it refuses (one line, exit 2) and what a finished state does. */
class RunStateFlagsTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;
    private FakeWorld world;

    @BeforeEach
    void sites() {
        world = FakeWorld.start(kit.vertx(), WorldConfig.of(3, SiteSpec.named("tiny").withPages(12, 3)))
                .toCompletionStage().toCompletableFuture().join();
    }

    private CliRun run(Path state, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--quiet", "--state", state.toString(),
                "--out", dir.resolve("r.jsonl").toString(), "--summary", dir.resolve("s.json").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertBadInput(CliRun r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("crawler: " + message).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void resumeNeedsAStateAndAStateToResume() {
        assertBadInput(CliRun.of("run", "--resume"), "--resume: needs --state DIR");
        assertBadInput(run(dir.resolve("none"), "--resume"), "--resume: no crawl state in");
    }

    @Test
    void aStateFolderThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertBadInput(run(file, world.seedUrls().get(0)), "--state " + file + ": cannot create the folder");
    }

    @Test
    void aFinishedStateIsNeitherStartedAgainNorCrawledAgain() throws Exception {
        Path state = dir.resolve("state");
        CliRun first = run(state, world.seedUrls().get(0));
        assertThat(first.code()).as(first.err()).isZero();
        long records = RecordsFile.read(dir.resolve("r.jsonl")).size();
        long requests = world.counters().totalRequests();

        assertBadInput(run(state, world.seedUrls().get(0)), "--state " + state + ": already holds a crawl state");
        CliRun again = run(state, "--resume");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already finished");
        assertThat(RecordsFile.read(dir.resolve("r.jsonl"))).hasSize((int) records);
        assertThat(world.counters().totalRequests()).isEqualTo(requests);
    }

    @Test
    void aResumeKeepsItsSeedsAndFiles() {
        Path state = dir.resolve("state");
        try (StateStore s = StateStore.open(state, false)) {
            s.describe(new StateStore.StateMeta(List.of(world.seedUrls().get(0)), false,
                    dir.resolve("r.jsonl").toAbsolutePath(), dir.resolve("s.json").toAbsolutePath()));
        }
        assertBadInput(CliRun.of("run", "--state", state.toString(), "--resume", "--out",
                dir.resolve("other.jsonl").toString()), "--out: this crawl writes " + dir.resolve("r.jsonl"));
        assertBadInput(CliRun.of("run", "--state", state.toString(), "--resume", "http://127.0.0.1:9/"),
                "SEED_URL: a resumed crawl keeps its seeds");
    }

    /** One changed character of a stored URL: refused in one line that says what is wrong and what to do. */
    @Test
    void aDamagedStateIsRefusedInOneLine() throws Exception {
        Path state = dir.resolve("state");
        assertThat(run(state, world.seedUrls().get(0)).code()).isZero();
        Path file = state.resolve(StateStore.FILE);
        byte[] bytes = Files.readAllBytes(file);
        byte[] url = world.seedUrls().get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + url.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + url.length, url, 0, url.length)) {
                bytes[i + 7] = '8';
            }
        }
        Files.write(file, bytes);
        CliRun r = run(state, "--resume");
        assertBadInput(r, "--state " + state + ": " + StateStore.FILE + " is damaged");
        assertThat(r.err()).contains("start again with an empty --state folder");
    }

    @Test
    void aResumeOfAFinishedStateRepairsItsRecordsFile() throws Exception {
        Path state = dir.resolve("state");
        Path records = dir.resolve("r.jsonl");
        CliRun first = run(state, world.seedUrls().get(0));
        assertThat(first.code()).as(first.err()).isZero();
        String whole = Files.readString(records);
        long requests = world.counters().totalRequests();
        // a kill that cut the file after the state was marked finished, or a user who lost part of the file
        Files.writeString(records, whole.substring(0, whole.indexOf('\n', whole.length() / 2) + 5));

        CliRun again = run(state, "--resume");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("already finished").contains("repaired");
        assertThat(Files.readString(records)).isEqualTo(whole);
        assertThat(world.counters().totalRequests()).isEqualTo(requests);

        Files.delete(records);
        assertThat(run(state, "--resume").code()).isZero();
        assertThat(Files.readString(records)).isEqualTo(whole);
    }
}
