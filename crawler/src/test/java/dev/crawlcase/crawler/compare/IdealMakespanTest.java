package dev.crawlcase.crawler.compare;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IdealMakespanTest {
    private static SimRequest req(String id, int depth, double ms, String... parents) {
        return SimRequest.once(id, "h", depth, List.of(parents), List.of(), ms);
    }

    /** A root linking to n leaves of 100 ms each. */
    private static List<SimRequest> star(int n) {
        List<SimRequest> list = new ArrayList<>();
        list.add(req("root", 0, 100));
        for (int i = 0; i < n; i++) {
            list.add(req("leaf" + i, 1, 100, "root"));
        }
        return list;
    }

    @Test
    void oneAtATimeIsTheSumOfDurations() {
        assertThat(IdealMakespan.compute(star(9), 1, 1, Map.of())).isCloseTo(1000, within(1e-9));
    }

    @Test
    void enoughSlotsMakeItTheLongestChain() {
        assertThat(IdealMakespan.compute(star(9), 64, 64, Map.of())).isCloseTo(200, within(1e-9));
    }

    @Test
    void slotsDivideTheWork() {
        assertThat(IdealMakespan.compute(star(9), 3, 64, Map.of())).isCloseTo(100 + 300, within(1e-9));
    }

    @Test
    void thePerHostLimitCapsConcurrencyOnOneHost() {
        assertThat(IdealMakespan.compute(star(9), 64, 3, Map.of())).isCloseTo(400, within(1e-9));
    }

    @Test
    void aHostDelaySpacesStarts() {
        // starts at 0 (root), 100, 150, ..., the ninth leaf at 100 + 8*50 = 500, ends at 600
        assertThat(IdealMakespan.compute(star(9), 64, 64, Map.of("h", 50.0))).isCloseTo(600, within(1e-9));
    }

    @Test
    void aPageIsRevealedByItsFirstFinishedParent() {
        List<SimRequest> list = List.of(req("root", 0, 10), req("slow", 1, 1000, "root"), req("fast", 1, 10, "root"),
                req("child", 2, 10, "slow", "fast"));
        assertThat(IdealMakespan.compute(list, 64, 64, Map.of())).isCloseTo(1010, within(1e-9));
        assertThat(IdealMakespan.compute(List.of(list.get(0), list.get(2), list.get(3)), 64, 64, Map.of()))
                .isCloseTo(30, within(1e-9));
    }

    @Test
    void requiredRequestsGateTheirDependents() {
        List<SimRequest> list = List.of(SimRequest.once("robots", "h", 0, List.of(), List.of(), 50),
                SimRequest.once("root", "h", 0, List.of(), List.of("robots"), 10));
        assertThat(IdealMakespan.compute(list, 64, 64, Map.of())).isCloseTo(60, within(1e-9));
    }

    @Test
    void aRetriedRequestFreesItsSlotWhileItWaits() {
        SimRequest flaky = new SimRequest("flaky", "h", 0, List.of(), List.of(), List.of(10.0, 20.0), List.of(1000.0));
        SimRequest other = SimRequest.once("other", "h", 0, List.of(), List.of(), 500);
        // one slot: flaky 0-10, other 10-510, flaky's retry ready at 1010, runs to 1030
        assertThat(IdealMakespan.compute(List.of(flaky, other), 1, 1, Map.of())).isCloseTo(1030, within(1e-9));
    }
}
