package dev.crawlcase.crawler.shard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a shard's claims on the page limit that the simulation does not reach: a shard taken over by
 * another node, and a whole crawl resumed on a fresh board.
 */
class PageClaimsTest {
    private static GateView board(GateSlot... slots) {
        return new GateView(slots);
    }

    private static GateSlot claimed(long pages) {
        return new GateSlot(0, false, pages, false);
    }

    @Test
    void aShardTakenOverKeepsWhatItsSlotClaimedAndClaimsNoMoreThanThePoolLeft() {
        PageClaims resumed = new PageClaims(0, 20);
        // its durable state says 4 leased; the board says it had claimed 8, the other shard 10: 2 left in the pool
        PageClaims.Claim c = resumed.decide(board(claimed(8), claimed(10)), 4, 30, false, true);
        assertThat(c.pages()).as("its 8, and a small chunk of the 2 left").isEqualTo(9);
        resumed.written(new GateSlot(0, false, c.pages(), false));
        assertThat(resumed.allowed()).isEqualTo(9);
        GateView after = board(new GateSlot(0, false, 9, false), claimed(10));
        assertThat(resumed.decide(after, 9, 30, false, true).pages()).as("the last page").isEqualTo(10);
        assertThat(resumed.decide(after.with(0, claimed(10)), 10, 30, false, true).pages()).isEqualTo(10);
    }

    @Test
    void aResumedCrawlOnAFreshBoardClaimsNothingBeforeEveryShardHasSaidWhatItLeased() {
        PageClaims first = new PageClaims(0, 10);
        GateView fresh = GateView.unknown(2);
        PageClaims.Claim c = first.decide(fresh, 6, 50, false, true);
        assertThat(c.pages()).as("what it leased already, nothing more").isEqualTo(6);
        GateView spoken = fresh.with(0, new GateSlot(0, false, 6, false)).with(1, claimed(4));
        assertThat(first.decide(spoken, 6, 50, false, true).pages()).as("the pool is empty").isEqualTo(6);
    }

    @Test
    void aFinishedShardGivesBackWhatItDidNotSpendAtOnce() {
        PageClaims shard = new PageClaims(1, 100);
        GateView view = board(claimed(0), claimed(0));
        PageClaims.Claim c = shard.decide(view, 0, 80, false, true);
        shard.written(new GateSlot(0, false, c.pages(), false));
        assertThat(c.pages()).as("a chunk: a quarter of the pool with two shards").isEqualTo(25);
        PageClaims.Claim done = shard.decide(view.with(1, claimed(25)), 7, 0, true, true);
        assertThat(done.pages()).isEqualTo(7);
        assertThat(done.finished()).isTrue();
        assertThat(done.starved()).isFalse();
        assertThat(shard.allowed()).as("no more spent before the slot is up").isEqualTo(7);
    }

    @Test
    void aShardWithPagesWaitingAndNoPoolLeftIsStarvedAndTheCrawlEndsOnlyWhenAllIsClaimed() {
        PageClaims shard = new PageClaims(0, 10);
        GateView view = board(new GateSlot(0, false, 4, false), new GateSlot(1, true, 6, false));
        PageClaims.Claim c = shard.decide(view, 4, 3, true, true);
        assertThat(c.starved()).isTrue();
        GateView after = view.with(0, new GateSlot(1, c.finished(), c.pages(), c.starved()));
        assertThat(after.allFinished(10)).as("all 10 claimed and leased").isTrue();
        GateView givenBack = after.with(1, new GateSlot(1, true, 5, false));
        assertThat(givenBack.allFinished(10)).as("one page came back for the starved shard").isFalse();
    }
}
