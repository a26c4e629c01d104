package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.FaultSpec;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Time to first byte and bandwidth caps, checked only against generous lower bounds. */
@ExtendWith(VertxExtension.class)
class LatencyAndBandwidthTest {

    @Test
    void fixedLatencyDelaysEveryResponseAtLeastThatLong(Vertx vertx) {
        FakeWorld world = TestWorlds.start(vertx, TestWorlds.oneSite(Distribution.fixed(250), FaultSpec.none()));
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            RawHttp.Exchange response = RawHttp.get(world.seedUrls().get(0) + "s1/p1.html", 10_000);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.status()).isEqualTo(200);
            assertThat(elapsedMs).isGreaterThanOrEqualTo(250);
        }
        TestWorlds.await(world.close());
    }

    @Test
    void bandwidthCapDribblesTheBodyNoFasterThanTheRate(Vertx vertx) {
        long rate = 40_000;
        WorldConfig config = WorldConfig.of(3, SiteSpec.named("slow").withPages(10, 2)
                .withPageBytes(Distribution.fixed(20_000)).withBandwidth(rate));
        FakeWorld world = TestWorlds.start(vertx, config);
        long start = System.nanoTime();
        RawHttp.Exchange response = RawHttp.get(world.seedUrls().get(0), 10_000);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        int size = response.body().length;
        assertThat(response.status()).isEqualTo(200);
        assertThat(size).isGreaterThan(20_000).isEqualTo(Integer.parseInt(response.header("Content-Length")));
        assertThat(elapsedMs).isGreaterThanOrEqualTo(size * 1000L / rate);
        TestWorlds.await(world.close());
    }

    @Test
    void lognormalSamplesAreCappedAndDeterministic() {
        Distribution d = Distribution.lognormal(60, 1.5, 300);
        Random a = new Random(5);
        Random b = new Random(5);
        double max = 0;
        for (int i = 0; i < 10_000; i++) {
            double x = d.sample(a);
            assertThat(x).isEqualTo(d.sample(b)).isBetween(0.0, 300.0);
            max = Math.max(max, x);
        }
        assertThat(max).isEqualTo(300.0);
    }

    @Test
    void uniformAndFixedStayInRange() {
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(Distribution.uniform(40, 80).sample(random)).isBetween(40.0, 80.0);
        }
        assertThat(Distribution.fixed(7).sampleLong(random)).isEqualTo(7);
    }
}
