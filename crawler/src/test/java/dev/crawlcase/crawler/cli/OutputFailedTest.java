package dev.crawlcase.crawler.cli;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.SmallDisk;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An output that cannot be written (a device that takes nothing, a disk that fills up) ends the run with one line
 * naming the file and exit code 3, leaves only complete lines in the records file and no summary that claims more,
 * never marks a state finished, and with {@code --state} resumes once there is space, to the full page set.
 */
@Tag(Tags.NEWEST_JDK)
class OutputFailedTest {
    private static final Path DEV_FULL = Path.of("/dev/full");
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    static Stream<Arguments> everyModeWithAndWithoutState() {
        return Stream.of(Mode.values()).flatMap(m -> Stream.of(Arguments.of(m, false), Arguments.of(m, true)));
    }

    private FakeWorld world(int pages) {
        return CrawlcaseExtension.await(FakeWorld.start(kit.vertx(),
                WorldConfig.of(7, SiteSpec.named("fill").withPages(pages, 4))));
    }

    private static CliRun run(Mode mode, Path state, Path records, Path summary, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--quiet", "--mode", mode.label(), "--concurrency", "4",
                "--out", records.toString(), "--summary", summary.toString()));
        if (state != null) {
            args.addAll(List.of("--state", state.toString()));
        }
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOutputFailed(CliRun r, String line) {
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err().strip()).startsWith("crawler: " + line).doesNotContain("\n").doesNotContain("Exception");
    }

    private static void assertOnlyCompleteLines(Path records) throws Exception {
        String content = Files.readString(records);
        assertThat(content.isEmpty() || content.endsWith("\n")).as("ends with a complete line").isTrue();
        assertThat(RecordsFile.read(records)).extracting(CrawlRecord::url).doesNotHaveDuplicates();
    }

    private static boolean finished(Path state) {
        try (StateStore s = StateStore.open(state, true)) {
            return s.finished();
        }
    }

    @ParameterizedTest
    @MethodSource("everyModeWithAndWithoutState")
    void recordsThatCannotBeWrittenFailTheRun(Mode mode, boolean durable) {
        assumeTrue(ModeVerticles.unavailableReason(mode).isEmpty() && Files.isWritable(DEV_FULL));
        FakeWorld world = world(60);
        Path state = durable ? dir.resolve("state") : null;
        CliRun r = run(mode, state, DEV_FULL, dir.resolve("s.json"), world.seedUrls().get(0));

        assertOutputFailed(r, "records file /dev/full: cannot write (No space left on device)");
        assertThat(dir.resolve("s.json")).doesNotExist();
        if (durable) {
            assertThat(r.err()).contains("then run again with --state " + state + " --resume");
            assertThat(finished(state)).isFalse();
        }
    }

    @Test
    void aSummaryThatCannotBeWrittenFailsTheRunAndTheStateIsNotFinished() {
        assumeTrue(Files.isWritable(DEV_FULL));
        FakeWorld world = world(30);
        Path state = dir.resolve("state");
        CliRun r = run(Mode.ASYNC, state, dir.resolve("r.jsonl"), DEV_FULL, world.seedUrls().get(0));

        assertOutputFailed(r, "summary file /dev/full: cannot write (No space left on device)");
        assertThat(finished(state)).as("finished only once the summary is written").isFalse();
    }

    @ParameterizedTest
    @MethodSource("everyModeWithAndWithoutState")
    void aDiskThatFillsUpLeavesAValidFileAndAStateThatResumes(Mode mode, boolean durable) throws Exception {
        assumeTrue(ModeVerticles.unavailableReason(mode).isEmpty());
        FakeWorld world = world(400);
        Path state = durable ? dir.resolve("state") : null;
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 40)) {
            Path records = disk.dir().resolve("r.jsonl");
            Path summary = disk.dir().resolve("s.json");
            CliRun r = run(mode, state, records, summary, world.seedUrls().get(0));

            assertOutputFailed(r, "records file " + records + ": cannot write (No space left on device)");
            assertOnlyCompleteLines(records);
            assertThat(summary).doesNotExist();
            if (!durable) {
                return;
            }
            assertThat(finished(state)).isFalse();
            disk.grow(4096);
            CliRun resumed = CliRun.of("run", "--quiet", "--state", state.toString(), "--resume");
            assertThat(resumed.code()).as(resumed.err()).isZero();
            assertFullPageSet(world, records);
            assertThat(summary).exists();
        }
    }

    @ParameterizedTest
    @MethodSource("everyMode")
    void aStateOnADiskThatFillsUpSaysResumeWillWorkAndItDoes(Mode mode) throws Exception {
        assumeTrue(ModeVerticles.unavailableReason(mode).isEmpty());
        FakeWorld world = world(1500);
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 600)) {
            Path state = disk.dir().resolve("state");
            Path records = disk.dir().resolve("r.jsonl");
            CliRun r = run(mode, state, records, disk.dir().resolve("s.json"), world.seedUrls().get(0));

            assertOutputFailed(r, "");
            assertThat(r.err()).contains("cannot write (").contains("then run again with --state " + state
                    + " --resume").doesNotContain("MVStore");
            assertOnlyCompleteLines(records);
            disk.grow(65536);
            CliRun resumed = CliRun.of("run", "--quiet", "--state", state.toString(), "--resume");
            assertThat(resumed.code()).as(resumed.err()).isZero();
            assertFullPageSet(world, records);
        }
    }

    static Stream<Mode> everyMode() {
        return Stream.of(Mode.values());
    }

    private static void assertFullPageSet(FakeWorld world, Path records) throws Exception {
        assertOnlyCompleteLines(records);
        Map<String, Integer> fetched = RecordsFile.read(records).stream()
                .filter(rec -> rec.outcome() == Outcome.FETCHED)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
    }
}
