package dev.crawlcase.crawler.state;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.BOUND_S;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SIGTERM that arrives while a large state is restored (the frontier does not listen yet) stops the run as one
 * mid-crawl does: not one request is made, the state is left for the next resume, the records file stays in line
 * with it, and the process ends on its own with the stop's exit code.
 */
class StopDuringRestoreTest {
    /** Enough URLs that restoring them outlasts the signal's trip, fewer than spill to disk (a quicker restore). */
    private static final int QUEUED = 90_000;
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
        try (StateStore s = StateStore.open(state, false)) {
            s.describe(new StateStore.StateMeta(List.of(seed), false, records.toAbsolutePath(),
                    dir.resolve("s.json").toAbsolutePath()));
            Map<String, Integer> found = new HashMap<>();
            for (int i = 0; i < QUEUED; i++) {
                found.put(seed + "queued/" + i, 1);
            }
            s.write(new StateBatch(found, List.of(), 0));
        }

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
}
