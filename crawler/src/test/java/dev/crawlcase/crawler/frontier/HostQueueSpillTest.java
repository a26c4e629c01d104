package dev.crawlcase.crawler.frontier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Host queues over the spill's memory limit: same order, same removals, entries on disk and back. */
class HostQueueSpillTest {
    @TempDir
    Path dir;
    private QueueSpill spill;

    @AfterEach
    void close() {
        spill.close();
        assertThat(Files.exists(dir.resolve("spill.mv.db"))).isFalse();
    }

    private static QueuedUrl url(String path, int depth, int redirects) {
        return new QueuedUrl("http://127.0.0.1:1/" + path, depth, 1, redirects, 0);
    }

    private static List<String> drainByPoll(HostQueue q) {
        List<String> out = new ArrayList<>();
        for (QueuedUrl u; (u = q.poll()) != null; ) {
            out.add(u.url().substring(19) + "@" + u.depth() + "/" + u.redirects());
        }
        return out;
    }

    @Test
    void pollsBreadthFirstAndFifoWithinADepthAcrossMemoryAndDisk() {
        spill = QueueSpill.open(dir.resolve("spill.mv.db"), 3);
        HostQueue q = new HostQueue("http://127.0.0.1:1", spill);
        q.add(url("a", 2, 0));
        q.add(url("b", 1, 0));
        q.add(url("c", 2, 0));
        q.add(url("d", 1, 3));
        q.add(url("e", 2, 0));
        q.add(url("f", 0, 0));
        assertThat(spill.spilled()).isEqualTo(3);
        assertThat(drainByPoll(q)).containsExactly("f@0/0", "b@1/0", "d@1/3", "a@2/0", "c@2/0", "e@2/0");
        assertThat(spill.spilled()).isZero();
        q.add(url("g", 1, 0));
        assertThat(spill.spilled()).isZero();
        assertThat(q.peek().url()).endsWith("/g");
    }

    @Test
    void removesAndDrainsOnDiskToo() {
        spill = QueueSpill.open(dir.resolve("spill.mv.db"), 1);
        HostQueue q = new HostQueue("http://127.0.0.1:1", spill);
        for (String p : List.of("keep1", "drop1", "keep2", "drop2", "keep3")) {
            q.add(url(p, 1, 0));
        }
        List<QueuedUrl> removed = q.removeQueued(u -> u.url().contains("drop"));
        assertThat(removed).extracting(QueuedUrl::url).containsExactlyInAnyOrder(
                "http://127.0.0.1:1/drop1", "http://127.0.0.1:1/drop2");
        assertThat(q.peek().url()).endsWith("/keep1");
        assertThat(q.drainQueued()).extracting(QueuedUrl::url).containsExactly(
                "http://127.0.0.1:1/keep1", "http://127.0.0.1:1/keep2", "http://127.0.0.1:1/keep3");
        assertThat(q.peek()).isNull();
        assertThat(spill.spilled()).isZero();
    }
}
