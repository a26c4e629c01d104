package dev.crawlcase.crawler.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minority side of a split stops for good: the watch holds while nodes are still starting (the quorum never
 * reached), holds with the quorum, trips once when fewer members are left, and stays tripped when they come back
 * (its parts may have run on the other side meanwhile). A quorum of one never trips.
 */
class QuorumWatchTest {
    @Test
    void itHoldsWhileNodesStartAndWithTheQuorumThenTripsForGoodBelowIt() {
        AtomicInteger members = new AtomicInteger(1);
        List<String> said = new ArrayList<>();
        QuorumWatch watch = new QuorumWatch(2, members::get, said::add);
        assertThat(watch.holds()).as("one node of two started so far").isTrue();
        members.set(3);
        assertThat(watch.holds()).isTrue();
        members.set(2);
        assertThat(watch.holds()).isTrue();
        members.set(1);
        assertThat(watch.holds()).isFalse();
        assertThat(watch.holds()).isFalse();
        members.set(3);
        assertThat(watch.holds()).as("the others are back, but may have taken its parts").isFalse();
        assertThat(said).singleElement().asString().contains("sees 1 of the crawl's quorum of 2 nodes");
    }

    @Test
    void aQuorumOfOneNeverTrips() {
        AtomicInteger members = new AtomicInteger(3);
        QuorumWatch watch = new QuorumWatch(1, members::get, line -> { });
        members.set(1);
        assertThat(watch.holds()).isTrue();
    }
}
