package dev.crawlcase.sites.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The smallest gap between page starts per site: robots.txt is left out, and a reset forgets it. */
class CounterBoardTest {
    @Test
    void theSmallestGapCountsPageStartsOnlyAndIsForgottenOnReset() {
        CounterBoard board = new CounterBoard(List.of("a", "b"));
        board.begin("a", "http://127.0.0.1:1/robots.txt");
        board.begin("a", "http://127.0.0.1:1/");
        assertThat(board.minPageGapMs("a")).as("one page start, robots.txt aside").isEqualTo(Long.MAX_VALUE);

        board.begin("b", "http://127.0.0.1:2/");
        assertThat(board.minPageGapMs("a")).as("another site's start").isEqualTo(Long.MAX_VALUE);

        board.begin("a", "http://127.0.0.1:1/p1.html");
        assertThat(board.minPageGapMs("a")).isNotEqualTo(Long.MAX_VALUE).isGreaterThanOrEqualTo(0);

        board.reset();
        assertThat(board.minPageGapMs("a")).isEqualTo(Long.MAX_VALUE);
    }
}
