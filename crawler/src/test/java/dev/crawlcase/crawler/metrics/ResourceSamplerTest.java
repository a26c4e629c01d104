package dev.crawlcase.crawler.metrics;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ResourceSamplerTest {

    @Test
    void samplesAreSaneAndTheTimerKeepsSampling(Vertx vertx, VertxTestContext test) {
        ResourceSampler sampler = new ResourceSampler(vertx, 10, () -> 0);
        sampler.start();
        vertx.setPeriodic(10, id -> {
            if (sampler.snapshot().samples() >= 3) {
                vertx.cancelTimer(id);
                sampler.stop();
                test.verify(() -> {
                    ResourceSnapshot s = sampler.snapshot();
                    assertThat(s.peakThreads()).isGreaterThan(1).isGreaterThanOrEqualTo(s.lastThreads());
                    assertThat(s.peakThreads()).isLessThanOrEqualTo(Thread.activeCount() + 100);
                    assertThat(s.peakHeapBytes()).isPositive();
                    assertThat(s.cpuSeconds()).isGreaterThanOrEqualTo(0);
                    assertThat(sampler.cpuSeconds()).isEqualTo(s.cpuSeconds());
                });
                test.completeNow();
            }
        });
    }

    @Test
    void foreignThreadsAreNotCounted(Vertx vertx) {
        ResourceSampler all = new ResourceSampler(vertx, 1_000, () -> 0);
        ResourceSampler minusFive = new ResourceSampler(vertx, 1_000, () -> 5);
        for (ResourceSampler sampler : List.of(all, minusFive)) {
            sampler.start();
            sampler.stop();
        }
        assertThat(minusFive.peakThreads()).isPositive().isLessThanOrEqualTo(all.peakThreads() - 5 + 3);
    }
}
