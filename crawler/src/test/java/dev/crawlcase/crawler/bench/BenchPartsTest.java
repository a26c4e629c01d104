package dev.crawlcase.crawler.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pure parts of the harness: wrk's output, a failed child's failure mode, the memory arithmetic. */
class BenchPartsTest {
    @Test
    void readsWrksRequestsPerSecond() {
        Wrk.Rate rate = Wrk.parse("""
                Running 5s test @ http://127.0.0.1:1/
                  296638 requests in 5.10s, 56.01MB read
                Requests/sec:  58174.69
                Transfer/sec:     10.98MB
                """);
        assertThat(rate.requestsPerSecond()).isEqualTo(58174.69);
        assertThat(rate.unavailable()).isNull();
        assertThat(Wrk.parse("wrk: command failed").unavailable()).startsWith("wrk unavailable");
    }

    @Test
    void aFailedChildIsDescribedByItsMostTellingLine() {
        assertThat(ChildJvm.failureMode(List.of("starting", "[0.1s][warning][os,thread] Failed to start thread",
                "Exception in thread \"x\" java.lang.OutOfMemoryError: unable to create native thread: possibly out of "
                        + "memory", "at ..."), 1))
                .isEqualTo("Exception in thread \"x\" java.lang.OutOfMemoryError: unable to create native thread: possibly "
                        + "out of memory (exit 1)");
        assertThat(ChildJvm.failureMode(List.of("one", "last words", "  "), 3)).isEqualTo("last words (exit 3)");
        assertThat(ChildJvm.failureMode(List.of(), 137)).isEqualTo("exit code 137");
    }

    @Test
    void costPerQueuedUrlAndPerRequestInFlight() {
        // concurrency 1: 1,000 more URLs queued cost 400 KB of heap
        RunFigures queued = probe(1, 1, 1_000_000, 1_001, 1, 1_400_000);
        // concurrency 101: 900 more queued (360 KB at 400 B each) and 100 more in flight (+500 KB)
        RunFigures loaded = probe(1, 1, 1_000_000, 901, 101, 1_860_000);
        MemoryScenario.PerUnit cost = MemoryScenario.PerUnit.of(queued, loaded);
        assertThat(cost.heapPerQueued()).isEqualTo(400.0);
        assertThat(cost.heapPerInFlight()).isEqualTo(5_000.0);
        assertThat(cost.queued()).isEqualTo(901);
        assertThat(cost.inFlight()).isEqualTo(101);
        assertThat(MemoryScenario.PerUnit.of(queued, null).heapPerInFlight()).isNaN();
        assertThat(MemoryScenario.PerUnit.of(new RunFigures(ChildJvm.failed("boom")), loaded).outcome())
                .isEqualTo("FAILED: boom");
    }

    private static RunFigures probe(long q0, int f0, long heap0, long q1, int f1, long heap1) {
        JsonObject base = new JsonObject().put("queued", q0).put("inFlight", f0).put("heapBytes", heap0).put("rssBytes", 0L);
        JsonObject load = new JsonObject().put("queued", q1).put("inFlight", f1).put("heapBytes", heap1).put("rssBytes", 0L);
        return new RunFigures(new JsonObject().put("probe", new JsonObject().put("baseline", base).put("loaded", load)));
    }
}
