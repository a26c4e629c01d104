package dev.crawlcase.crawler.cli;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.SmallDisk;
import dev.crawlcase.crawler.testkit.WarcReaders;
import dev.crawlcase.crawler.testkit.WarcReaders.Capture;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A WARC folder on a disk that fills up: the run ends with one line naming the WARC file and exit code 3, every WARC
 * file still reads whole in both independent readers, and with {@code --state} the crawl resumes once there is space
 * (a torn last record, as a kill mid-append leaves, is cut first) and ends with the full page set, every page in the
 * archive.
 */
@Tag(Tags.NEWEST_JDK)
class WarcDiskFullTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    /** Every mode with a state (the fuller story); without one, once (the run only has to end cleanly). */
    static Stream<Arguments> everyModeWithAndWithoutState() {
        return Stream.concat(Stream.of(Mode.values()).filter(ModeVerticles::archives).map(m -> Arguments.of(m, true)),
                Stream.of(Arguments.of(Mode.ASYNC, false)));
    }

    @ParameterizedTest
    @MethodSource("everyModeWithAndWithoutState")
    void aFullDiskLeavesReadableWarcFilesAndADurableCrawlResumesIntoThem(Mode mode, boolean durable) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty());
        FakeWorld world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(),
                WorldConfig.of(7, SiteSpec.named("fill").withPages(400, 4))));
        Path records = dir.resolve("r.jsonl");
        Path summary = dir.resolve("s.json");
        Path state = dir.resolve("state");
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 160)) {
            Path warc = disk.dir().resolve("warc");
            List<String> args = new ArrayList<>(List.of("run", "--quiet", "--mode", mode.label(), "--concurrency", "4",
                    "--out", records.toString(), "--summary", summary.toString(), "--warc", warc.toString()));
            if (durable) {
                args.addAll(List.of("--state", state.toString()));
            }
            args.add(world.seedUrls().get(0));
            CliRun r = CliRun.of(args.toArray(String[]::new));

            assertThat(r.code()).as(r.err()).isEqualTo(3);
            assertThat(r.err().strip()).startsWith("crawler: WARC file " + warc + "/crawlcase-")
                    .contains(": cannot write (No space left on device)").doesNotContain("\n");
            assertThat(summary).doesNotExist();
            List<Path> files = WarcReaders.files(warc);
            WarcReaders.validateWithJwarc(files);
            assertThat(WarcReaders.readWithWarcio(files)).hasSize(WarcReaders.read(files).size());
            if (!durable) {
                return;
            }
            assertThat(r.err()).contains("then run again with --state " + state + " --resume");
            disk.grow(16384);
            // a kill in the middle of an append would leave the start of a record behind
            Path newest = files.get(files.size() - 1);
            byte[] head = Arrays.copyOf(Files.readAllBytes(newest), 40);
            Files.write(newest, head, StandardOpenOption.APPEND);

            CliRun resumed = CliRun.of("run", "--quiet", "--state", state.toString(), "--resume");

            assertThat(resumed.code()).as(resumed.err()).isZero();
            List<CrawlRecord> all = RecordsFile.read(records);
            Set<String> fetched = all.stream().filter(rec -> rec.outcome() == Outcome.FETCHED)
                    .map(CrawlRecord::url).collect(Collectors.toSet());
            assertThat(fetched).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages().keySet());
            List<Path> after = WarcReaders.files(warc);
            assertThat(after).hasSizeGreaterThan(files.size());
            WarcReaders.validateWithJwarc(after);
            List<Capture> captures = WarcReaders.read(after);
            assertThat(WarcReaders.readWithWarcio(after)).hasSize(captures.size());
            Set<String> archivedPages = captures.stream().filter(c -> c.type().equals("response") && c.status() == 200)
                    .map(Capture::uri).collect(Collectors.toSet());
            assertThat(archivedPages).containsAll(fetched);
        }
    }
}
