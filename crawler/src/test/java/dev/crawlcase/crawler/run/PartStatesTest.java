package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.cluster.ClusterVertx;
import dev.crawlcase.crawler.cluster.HazelcastConfig;
import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.state.StateJournal;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.Tags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A part's state kept in step with its journal's copy in the cluster, with no folder shared: two clustered Vert.x
 * instances, each with a state folder of its own. The part taken over on the other node is rebuilt from the copy
 * (URLs, depths, records and its records file); the node that held it cannot commit anything more; and when the part
 * comes back to the first node, its own older state is brought up to date from the copy.
 */
@Tag(Tags.NEWEST_JDK)
class PartStatesTest {
    private static final String SITE = "http://127.0.0.1:9/";

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aPartTakenOverOnAnotherDiskIsRebuiltFromTheCopyAndItsOldHolderCommitsNothingMore() {
        String cluster = "crawlcase-test-" + UUID.randomUUID();
        Vertx a = join(cluster);
        Vertx b = join(cluster);
        CrawlAddresses crawl = new CrawlAddresses("copies");
        List<String> said = new CopyOnWriteArrayList<>();
        PartStates onA = new PartStates(a, crawl, dir.resolve("a"), true, said::add);
        PartStates onB = new PartStates(b, crawl, dir.resolve("b"), true, said::add);
        Path recordsA = dir.resolve("a-out/part-0.jsonl");
        Path recordsB = dir.resolve("b-out/part-0.jsonl");

        StateStore first = await(onA.open(0, recordsA));
        StateJournal onFirst = new StateJournal(a, first, 0, r -> { });
        onFirst.found(SITE + "a", 1);
        onFirst.accept(CrawlRecord.skipped(SITE + "robots-only", 0, "robots", Mode.ASYNC));
        await(onFirst.checkpoint());
        onFirst.found(SITE + "b", 2);
        await(onFirst.checkpoint());

        StateStore taken = await(onB.open(0, recordsB));
        assertThat(urls(taken)).isEqualTo(Map.of(SITE + "a", "1", SITE + "b", "2", SITE + "robots-only", "done"))
                .isEqualTo(urls(first));
        assertThat(RecordsFile.read(recordsB)).extracting(CrawlRecord::url).containsExactly(SITE + "robots-only");
        assertThat(said).anyMatch(line -> line.contains("rebuilt from the cluster's copy of its journal"));

        onFirst.found(SITE + "c", 1);
        Future<Void> late = onFirst.checkpoint();
        assertThat(awaitFailure(late)).isInstanceOf(PartMoved.class);
        assertThat(urls(first)).as("nothing more committed by the node that lost the part").doesNotContainKey(SITE + "c");

        StateJournal onTaker = new StateJournal(b, taken, taken.recordCount(), r -> { });
        onTaker.found(SITE + "d", 3);
        await(onTaker.checkpoint());
        taken.close();
        first.close();

        StateStore back = await(onA.open(0, recordsA));
        assertThat(urls(back)).as("the first node's own state, brought up to date from the copy")
                .isEqualTo(Map.of(SITE + "a", "1", SITE + "b", "2", SITE + "d", "3", SITE + "robots-only", "done"));
        assertThat(said).anyMatch(line -> line.contains("brought up to date from the cluster's copy"));
        back.close();
    }

    private Vertx join(String cluster) {
        return kit.adopt(await(ClusterVertx.start(HazelcastConfig.load(null).setClusterName(cluster), "127.0.0.1")));
    }

    private static Throwable awaitFailure(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private static Map<String, String> urls(StateStore store) {
        Map<String, String> urls = new TreeMap<>();
        store.forEachUrl((url, fetched) -> urls.put(url, "done"), (url, depth) -> urls.put(url, depth.toString()));
        return urls;
    }
}
