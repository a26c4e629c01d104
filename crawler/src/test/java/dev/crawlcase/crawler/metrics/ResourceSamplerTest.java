package dev.crawlcase.crawler.metrics;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

class ResourceSamplerTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void samplesAreSaneAndTheTimerKeepsSampling() {
        Vertx vertx = kit.vertx();
        ResourceSampler sampler = new ResourceSampler(vertx, 10, () -> 0);
        sampler.start();
        Promise<Void> threeSamples = Promise.promise();
        vertx.setPeriodic(10, id -> {
            if (sampler.snapshot().samples() >= 3) {
                vertx.cancelTimer(id);
                sampler.stop();
                threeSamples.complete();
            }
        });
        await(threeSamples.future());
        ResourceSnapshot s = sampler.snapshot();
        assertThat(s.peakThreads()).isGreaterThan(1).isGreaterThanOrEqualTo(s.lastThreads());
        assertThat(s.peakThreads()).isLessThanOrEqualTo(Thread.activeCount() + 100);
        assertThat(s.peakHeapBytes()).isPositive();
        assertThat(s.cpuSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(sampler.cpuSeconds()).isEqualTo(s.cpuSeconds());
    }

    @Test
    void foreignThreadsAreNotCounted() {
        Vertx vertx = kit.vertx();
        ResourceSampler all = new ResourceSampler(vertx, 1_000, () -> 0);
        ResourceSampler minusFive = new ResourceSampler(vertx, 1_000, () -> 5);
        for (ResourceSampler sampler : List.of(all, minusFive)) {
            sampler.start();
            sampler.stop();
        }
        assertThat(minusFive.peakThreads()).isPositive().isLessThanOrEqualTo(all.peakThreads() - 5 + 3);
    }
}
