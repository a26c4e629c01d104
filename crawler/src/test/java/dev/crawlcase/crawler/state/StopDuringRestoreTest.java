package dev.crawlcase.crawler.state;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.output.CrawlRecordJson;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.BOUND_S;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SIGTERM that arrives while a large state is restored (the frontier does not listen yet) stops the run as one
 * mid-crawl does: not one request is made, the state is left for the next resume, the records file stays in line
 * with it, and the process ends on its own with the stop's exit code. A huge restore (hundreds of thousands of URLs,
 * seconds of work) is itself cut short by the stop, and a later resume still ends with the exact ground truth.
 */
@Tag(Tags.NEWEST_JDK)
class StopDuringRestoreTest {
    /** Enough URLs that restoring them outlasts the signal's trip, fewer than spill to disk (a quicker restore). */
    private static final int QUEUED = 90_000;
    /** A huge state: queued URLs (most of them spill to disk on a restore) and URLs done with their records. */
    private static final int HUGE_QUEUED = 300_000;
    private static final int HUGE_DONE = 100_000;
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aStopDuringTheRestoreFetchesNothingAndKeepsTheState() throws Exception {
        FakeWorld world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(),
                WorldConfig.of(5, SiteSpec.named("big").withPages(12, 3))));
        String seed = world.seedUrls().get(0);
        Path state = dir.resolve("state");
        Path records = dir.resolve("r.jsonl");
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < QUEUED; i++) {
            found.put(seed + "queued/" + i, 1);
        }
        writeState(state, seed, records, new StateBatch(found, List.of(), 0));

        CrawlerProcess resumed = kit.start(dir, "resume", List.of("run", "--quiet", "--state", state.toString(),
                "--resume"));
        resumed.awaitOutput(BOUND_S, "crawler: resuming");
        resumed.terminate();

        int code = resumed.exitCode(BOUND_S);
        assertThat(world.counters().totalRequests()).as("requests after the stop").isZero();
        assertThat(resumed.output()).doesNotContain("stop did not complete");
        assertThat(code).as(resumed.output()).isIn(130, 143);
        assertThat(Files.readString(records)).isEmpty();
        try (StateStore s = StateStore.open(state, true)) {
            assertThat(s.finished()).isFalse();
            assertThat(s.recordCount()).isZero();
        }
    }

    /**
     * A state of a real crawl of {@code world} that had only just begun, padded to hundreds of thousands of URLs the
     * resume never has to request: queued ones under /private/, which robots.txt disallows (skipped without a request
     * when leased), and done ones with their "robots" records. Restoring it takes seconds.
     */
    @Test
    void aStopEndsAHugeRestorePromptlyAndALaterResumeEndsWithTheGroundTruth() throws Exception {
        FakeWorld world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(),
                WorldConfig.of(7, SiteSpec.named("padded").withPages(40, 4))));
        Map<String, Integer> truth = world.groundTruth(CrawlRules.defaults()).pages();
        String seed = world.seedUrls().get(0);
        Path state = dir.resolve("state");
        Path records = dir.resolve("r.jsonl");
        Map<String, Integer> found = new HashMap<>();
        List<String> lines = new ArrayList<>();
        found.put(seed, 0);
        for (int i = 0; i < HUGE_QUEUED; i++) {
            found.put(seed + "private/queued/" + i, 1);
        }
        for (int i = 0; i < HUGE_DONE; i++) {
            String url = seed + "private/done/" + i;
            found.put(url, StateStore.DONE_UNFETCHED);
            lines.add(CrawlRecordJson.toLine(CrawlRecord.skipped(url, 1, "robots", Mode.ASYNC)));
        }
        writeState(state, seed, records, new StateBatch(found, lines, 0));
        List<String> resume = List.of("run", "--quiet", "--state", state.toString(), "--resume");

        CrawlerProcess stopped = kit.start(dir, "stopped", resume);
        // the spill file is opened as the restore begins: the signal lands inside the restore, seconds before its end
        Path spill = state.resolve("queue-spill.mv.db");
        CrawlerProcess.awaitCondition(BOUND_S, "the restore to begin", () -> Files.exists(spill));
        stopped.terminate();
        int code = stopped.exitCode(BOUND_S);

        // cut short, not completed and then stopped; within the stop's bound (past it the hook says it did not complete)
        assertThat(stopped.output()).contains("stopped while the state was restored")
                .doesNotContain("stop did not complete");
        assertThat(code).as(stopped.output()).isIn(130, 143);
        assertThat(world.counters().totalRequests()).as("requests after the stop").isZero();
        assertThat(spill).as("the spill file, scratch").doesNotExist();
        assertThat(Files.readAllLines(records)).as("the records the state holds, nothing more").hasSize(HUGE_DONE);
        try (StateStore s = StateStore.open(state, true)) {
            assertThat(s.finished()).isFalse();
            assertThat(s.recordCount()).isEqualTo(HUGE_DONE);
        }

        CrawlerProcess last = kit.start(dir, "last", resume);
        assertThat(last.exitCode(4 * BOUND_S)).as(last.output()).isZero();
        List<CrawlRecord> all = RecordsFile.read(records);
        assertThat(all).hasSizeGreaterThan(HUGE_QUEUED + HUGE_DONE + truth.size());
        assertThat(all).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome() == Outcome.FETCHED)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).isEqualTo(truth);
        assertThat(all.stream().filter(r -> r.url().contains("/private/queued/")))
                .hasSize(HUGE_QUEUED).allMatch(r -> r.outcome() == Outcome.SKIPPED && "robots".equals(r.reason()));
        Map<String, Integer> requests = world.counters().requestsPerUrl();
        assertThat(requests.keySet()).as("no padded URL was requested")
                .noneMatch(url -> url.contains("/private/queued/") || url.contains("/private/done/"));
    }

    /** A new state in {@code state} of a crawl of {@code seed} into {@code records}, holding {@code batch}. */
    private void writeState(Path state, String seed, Path records, StateBatch batch) {
        try (StateStore s = StateStore.open(state, false)) {
            s.describe(new StateStore.StateMeta(List.of(seed), false, records.toAbsolutePath(),
                    dir.resolve("s.json").toAbsolutePath()));
            s.write(batch);
        }
    }
}
