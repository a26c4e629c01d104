package dev.crawlcase.crawler.bus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.crawlcase.crawler.bus.FrontierPhase.ABORTED;
import static dev.crawlcase.crawler.bus.FrontierPhase.FINISHED;
import static dev.crawlcase.crawler.bus.FrontierPhase.RUNNING;
import static dev.crawlcase.crawler.bus.FrontierPhase.STOPPING;
import static dev.crawlcase.crawler.bus.FrontierPhase.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

/** The frontier verticle's life, transition by transition. */
class FrontierPhaseTest {
    @Test
    void aStopWhileRunningStopsLeasingAndASecondStopChangesNothing() {
        FrontierPhase stopping = RUNNING.stop();
        assertThat(stopping).isEqualTo(STOPPING);
        assertThat(stopping.leasing()).isFalse();
        assertThat(stopping.ended()).isFalse();
        assertThat(stopping.stop()).isEqualTo(STOPPING);
    }

    @Test
    void aCrawlThatEndsByItselfIsFinishedEvenWithADurableState() {
        assertThat(RUNNING.end(false, true)).isEqualTo(FINISHED);
        assertThat(RUNNING.end(true, true)).isEqualTo(FINISHED);
        // only a stop leaves URLs for a resume; a frontier with nothing left to lease has finished
        assertThat(RUNNING.end(true, false)).isEqualTo(FINISHED);
    }

    @Test
    void aStopEndsInSuspendedOnlyWithADurableStateAndURLsLeft() {
        assertThat(STOPPING.end(true, false)).isEqualTo(SUSPENDED);
        assertThat(STOPPING.end(true, true)).isEqualTo(FINISHED);
        assertThat(STOPPING.end(false, false)).isEqualTo(FINISHED);
        assertThat(SUSPENDED.leftForResume()).isTrue();
        assertThat(FINISHED.leftForResume()).isFalse();
    }

    @Test
    void aFailedCheckpointAbortsFromRunningOrStoppingAndLeavesTheRestForAResume() {
        assertThat(RUNNING.abort()).isEqualTo(ABORTED);
        assertThat(STOPPING.abort()).isEqualTo(ABORTED);
        assertThat(ABORTED.ended()).isTrue();
        assertThat(ABORTED.leftForResume()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = FrontierPhase.class, names = {"FINISHED", "SUSPENDED", "ABORTED"})
    void afterTheEndNoTransitionChangesThePhase(FrontierPhase ended) {
        assertThat(ended.ended()).isTrue();
        assertThat(ended.leasing()).isFalse();
        assertThat(ended.stop()).isEqualTo(ended);
        assertThat(ended.end(true, false)).isEqualTo(ended);
        assertThat(ended.end(false, true)).isEqualTo(ended);
        assertThat(ended.abort()).isEqualTo(ended);
    }

    @Test
    void onlyRunningLeases() {
        for (FrontierPhase phase : FrontierPhase.values()) {
            assertThat(phase.leasing()).as("%s", phase).isEqualTo(phase == RUNNING);
        }
    }
}
