package dev.crawlcase.crawler.state;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crawler JVM ({@code run --state DIR}) is killed with SIGKILL three times, at three depths of the crawl (its
 * first records, about half, about three quarters), and resumed with {@code --resume} each time; once a torn line
 * is left at the end of the records file as a crash mid-write would. The crawl ends with exactly the ground-truth
 * pages, one record per URL, and no URL that had its record before a kill is requested again (server counters).
 * Host queues hold 20 URLs in memory, so most of the queue lives in the spill file.
 */
@Tag(Tags.NEWEST_JDK)
class ResumeAfterKillTest {
    private static final long BOUND_S = 90;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void killedThreeTimesAndResumedEndsWithTheGroundTruthAndNoRefetch() throws Exception {
        FakeWorld world = FakeWorld.start(kit.vertx(), WorldConfig.of(9,
                        SiteSpec.named("slow").withPages(160, 6).withLatency(Distribution.fixed(25))))
                .toCompletionStage().toCompletableFuture().get(BOUND_S, TimeUnit.SECONDS);
        Map<String, Integer> truth = world.groundTruth(CrawlRules.defaults()).pages();
        Path records = dir.resolve("records.jsonl");
        Path crawlJson = TestConfig.crawl().mode(Mode.ASYNC).concurrency(2).timeouts(1_000, 1_000, 1_500).fastRetries()
                .writeTo(dir.resolve("crawl.json"));
        List<String> first = new ArrayList<>(List.of("run", "--quiet", "--config", crawlJson.toString(),
                "--state", dir.resolve("state").toString(), "--out", records.toString(),
                "--summary", dir.resolve("summary.json").toString(), "--queue-memory", "20"));
        first.addAll(world.seedUrls());
        List<String> resume = List.of("run", "--quiet", "--config", crawlJson.toString(),
                "--state", dir.resolve("state").toString(), "--resume", "--queue-memory", "20");

        Map<String, Integer> doneBeforeKills = new HashMap<>();
        killAt(start("run-1", first), records, 1, world, doneBeforeKills);
        killAt(start("run-2", resume), records, truth.size() / 2, world, doneBeforeKills);
        Files.writeString(records, "{\"url\":\"http://127.0.0.1:1/torn", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        CrawlerProcess third = start("run-3", resume);
        killAt(third, records, truth.size() * 3 / 4, world, doneBeforeKills);
        assertThat(third.output()).containsPattern("\\(\\d+ caught up, ([3-9]\\d|\\d{3,}) torn bytes cut\\)");
        CrawlerProcess last = start("run-4", resume);
        assertThat(last.exitCode(BOUND_S)).as(last.output()).isZero();

        List<CrawlRecord> all = RecordsFile.read(records);
        assertThat(all).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        Map<String, Integer> fetched = all.stream().filter(r -> r.outcome().equals(Outcome.FETCHED))
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(fetched).isEqualTo(truth);
        Map<String, Integer> requests = world.counters().requestsPerUrl();
        doneBeforeKills.forEach((url, count) ->
                assertThat(requests.getOrDefault(url, 0)).as("requests of %s, recorded before a kill", url).isEqualTo(count));
        // the last kill came once at least 3/4 of the ground truth had a record (it may come right at that line)
        assertThat(doneBeforeKills).hasSizeGreaterThanOrEqualTo(truth.size() * 3 / 4);
        assertThat(start("run-5", resume).exitCode(BOUND_S)).isZero();
        assertThat(RecordsFile.read(records)).hasSameSizeAs(all);
    }

    private CrawlerProcess start(String name, List<String> args) {
        return kit.start(dir, name, args);
    }

    /** Waits for {@code lines} complete records, kills, and notes the server's request count of each recorded URL. */
    private void killAt(CrawlerProcess p, Path records, int lines, FakeWorld world, Map<String, Integer> done)
            throws InterruptedException {
        CrawlerProcess.awaitCondition(BOUND_S, lines + " records", () -> completeLines(records).size() >= lines);
        p.kill();
        assertThat(p.output()).doesNotContain("already finished");
        Map<String, Integer> requests = world.counters().requestsPerUrl();
        for (String line : completeLines(records)) {
            String url = line.substring(8, line.indexOf('"', 8));
            done.put(url, requests.getOrDefault(url, 0));
        }
    }

    private static List<String> completeLines(Path records) {
        if (!Files.exists(records)) {
            return List.of();
        }
        try {
            String text = Files.readString(records);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : Stream.of(text.substring(0, end).split("\n"))
                    .filter(l -> l.startsWith("{\"url\":\"")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
