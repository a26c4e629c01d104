package dev.crawlcase.crawler.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PauseFenceTest {
    private static final Duration LIMIT = Duration.ofSeconds(4);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> trips = new ArrayList<>();
    private final PauseFence fence = new PauseFence(LIMIT, now::get, trips::add);

    @Test
    void holdsWhileTicksComeInTime() {
        for (int i = 0; i < 100; i++) {
            now.addAndGet(Duration.ofMillis(3_900).toNanos());
            assertThat(fence.holds()).isTrue();
            assertThat(fence.tick()).isTrue();
        }
        assertThat(trips).isEmpty();
    }

    @Test
    void aPauseOfTheLimitStopsTheNodeBeforeItsTickerHasRunAgainAndForGood() {
        fence.tick();
        now.addAndGet(Duration.ofSeconds(12).toNanos()); // SIGSTOP ... SIGCONT: every thread wakes at once
        assertThat(fence.holds()).as("asked by the frontier before the ticker ran").isFalse();
        assertThat(fence.tick()).isFalse();
        assertThat(trips).containsExactly(Duration.ofSeconds(12));
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(fence.tick()).isFalse();
        assertThat(fence.holds()).as("a fresh tick after the trip").isFalse();
        assertThat(trips).hasSize(1);
    }

    @Test
    void refusesALimitNoTickerCanKeep() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PauseFence.start(Duration.ofMillis(150), d -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
