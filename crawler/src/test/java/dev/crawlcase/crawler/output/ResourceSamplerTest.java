package dev.crawlcase.crawler.output;

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
        ResourceSampler sampler = new ResourceSampler(vertx, 10, List.of());
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
    void excludedPrefixesAreNotCounted(Vertx vertx) {
        ResourceSampler all = new ResourceSampler(vertx, 1_000, List.of());
        ResourceSampler none = new ResourceSampler(vertx, 1_000, List.of(""));
        ResourceSampler noVertx = new ResourceSampler(vertx, 1_000, List.of("vert.x-"));
        for (ResourceSampler sampler : List.of(all, none, noVertx)) {
            sampler.start();
            sampler.stop();
        }
        assertThat(none.peakThreads()).isZero();
        assertThat(noVertx.peakThreads()).isPositive().isLessThanOrEqualTo(all.peakThreads() + 5);
    }
}
