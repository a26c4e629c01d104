package dev.crawlcase.crawler.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A URL's entry in the state: the smaller depth stays (a handed-off link may come back deeper), a done mark wins. */
class StateBatchTest {
    @Test
    void theSmallerDepthStaysAndADoneMarkWinsAndStays() {
        assertThat(StateBatch.kept(null, 3)).isEqualTo(3);
        assertThat(StateBatch.kept(2, 3)).as("found deeper later: the first depth stays").isEqualTo(2);
        assertThat(StateBatch.kept(3, 2)).isEqualTo(2);
        assertThat(StateBatch.kept(2, StateStore.DONE_FETCHED)).isEqualTo(StateStore.DONE_FETCHED);
        assertThat(StateBatch.kept(StateStore.DONE_UNFETCHED, 1)).isEqualTo(StateStore.DONE_UNFETCHED);
    }
}
