package dev.crawlcase.crawler.run;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fair share of parts per node, who takes a free part and who gives one when a node joins. */
class FairShareTest {
    @Test
    void theShareIsTheCeilingOfPartsPerNode() {
        assertThat(FairShare.share(4, 2)).isEqualTo(2);
        assertThat(FairShare.share(4, 3)).isEqualTo(2);
        assertThat(FairShare.share(5, 2)).isEqualTo(3);
        assertThat(FairShare.share(3, 4)).isEqualTo(1);
        assertThat(FairShare.share(4, 0)).as("no node counted yet").isEqualTo(4);
        assertThatThrownBy(() -> FairShare.share(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeThatJoinedWithNoPartIsGivenOneByTheNodeHoldingTheMostSmallestIdFirst() {
        assertThat(FairShare.giver(Map.of("a", 2, "b", 2, "c", 0), 4)).contains("a");
        assertThat(FairShare.giver(Map.of("a", 1, "b", 3, "c", 0), 4)).contains("b");
        assertThat(FairShare.giver(Map.of("a", 2, "b", 2, "c", 0, "d", 0), 4)).contains("a");
    }

    @Test
    void noOneGivesWhileAPartIsFreeOrEveryNodeHoldsItsFloor() {
        // a part being handed over (or of a dead node) is free: it is taken before anyone gives another
        assertThat(FairShare.giver(Map.of("a", 1, "b", 2, "c", 0), 4)).isEmpty();
        assertThat(FairShare.giver(Map.of("a", 1, "b", 2, "c", 1), 4)).isEmpty();
        assertThat(FairShare.giver(Map.of("a", 2, "b", 2), 4)).isEmpty();
        assertThat(FairShare.giver(Map.of("a", 3), 3)).isEmpty();
        assertThat(FairShare.giver(Map.of(), 3)).isEqualTo(Optional.empty());
    }

    @Test
    void aFreePartGoesToANodeUnderItsShareThatHoldsNoMoreThanAnyOther() {
        // a gave part 3 to the joiner c: a (1) must not take it back before c (0) has
        Map<String, Integer> handing = Map.of("a", 1, "b", 2, "c", 0);
        assertThat(FairShare.mayTake("c", handing, 4)).isTrue();
        assertThat(FairShare.mayTake("a", handing, 4)).isFalse();
        assertThat(FairShare.mayTake("b", handing, 4)).isFalse();
        // b died: its parts are free, and a and c, under their share of 2 now, take them
        assertThat(FairShare.mayTake("a", Map.of("a", 1, "c", 1), 4)).isTrue();
        assertThat(FairShare.mayTake("a", Map.of("a", 2, "c", 1), 4)).isFalse();
        // a node alone holds every part it can
        assertThat(FairShare.mayTake("a", Map.of("a", 3), 4)).isTrue();
        assertThat(FairShare.mayTake("a", Map.of(), 4)).as("not counted yet").isTrue();
    }
}
