package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.fetch.ProcessPoolFetcher;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A processes crawl's memory and CPU figures include its worker JVMs; no other mode's do. */
class WorkerCostsTest {
    private static final long MB = 1 << 20;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void theProcessesModeCountsItsWorkersResidentMemoryAndCpu() {
        Vertx vertx = kit.vertx();
        try (ProcessPoolFetcher pool = new ProcessPoolFetcher(FetchLimits.defaults())) {
            pool.startOne();
            ResourceSampler counted = WorkerCosts.counted(new ResourceSampler(vertx, 3_600_000, () -> 0),
                    Mode.PROCESSES);
            ResourceSampler alone = WorkerCosts.counted(new ResourceSampler(vertx, 3_600_000, () -> 0),
                    Mode.THREAD_POOL);
            // each takes one sample when started and one when stopped
            counted.start();
            alone.start();
            counted.stop();
            alone.stop();
            // a JVM that has started its HTTP client keeps tens of MB resident, and spent CPU getting there
            assertThat(counted.peakHeapBytes() - alone.peakHeapBytes()).isGreaterThan(20 * MB);
            assertThat(counted.cpuSeconds() - alone.cpuSeconds()).isGreaterThan(0.05);
        }
    }
}
