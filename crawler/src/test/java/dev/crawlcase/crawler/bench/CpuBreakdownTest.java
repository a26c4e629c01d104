package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.output.Summaries;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the cores went: threads grouped by name, a thread that ended before the crawl did still counted. */
class CpuBreakdownTest {
    private static final long BURN_NANOS = 50_000_000;

    @Test
    void aParseThreadThatEndedBeforeTheEndStillCounts() throws Exception {
        CpuBreakdown cpu = new CpuBreakdown();
        CountDownLatch burned = new CountDownLatch(1);
        CountDownLatch sampled = new CountDownLatch(1);
        Thread parse = new Thread(() -> {
            burn();
            burned.countDown();
            await(sampled);
        }, "crawl-parse-test-1");
        parse.start();
        burned.await();
        cpu.sampleNow();
        sampled.countDown();
        parse.join();

        JsonObject cores = cpu.finish();
        double parseCpuSeconds = cores.getDouble("parseThreads") * cores.getDouble("wallSeconds");
        assertThat(parseCpuSeconds).isGreaterThanOrEqualTo(BURN_NANOS / 1e9);
        // the burn went to the parse threads, not the event loops (event loops other tests of this JVM left behind
        // may still tick: a few ms at most)
        assertThat(cores.getDouble("eventLoops", 0.0) * cores.getDouble("wallSeconds"))
                .isLessThan(BURN_NANOS / 1e9 / 2);
        assertThat(cores.getInteger("cores")).isEqualTo(Runtime.getRuntime().availableProcessors());
        if (cores.containsKey("machineBusy")) {
            assertThat(cores.getDouble("outsideProcess")).isGreaterThanOrEqualTo(0);
            assertThat(cores.getDouble("stolen")).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theLineNamesEveryShareAndTheJitLeftover() {
        RunFigures f = new RunFigures(new JsonObject().put("mode", "async").put("warmupRounds", 3)
                .put("jitSecondsDuringRun", 0.5).put("summary", Summaries.ASYNC.toJson().put("wallSeconds", 5.0))
                .put("cpuBreakdown", new JsonObject().put("cores", 2).put("parseThreads", 1.2).put("eventLoops", 0.2)
                        .put("jvmInternal", 0.15).put("outsideProcess", 0.1).put("machineBusy", 1.65)
                        .put("stolen", 0.25)));
        assertThat(f.cpuLine()).isEqualTo("async: of 2 cores, parse threads 1.20, event loops 0.20, other crawler "
                + "threads 0.00, JVM (JIT, GC) 0.15, outside the crawler (sites, kernel) 0.10, stolen by the hypervisor "
                + "0.25, idle 0.10; JIT compiling 0.5 s of 5.0 s after 3 warm-up rounds");
    }

    @Test
    void warmUpStopsOnceTheJitIsQuiet() {
        int[] rounds = {0};
        assertThat(new JitWarmup().run(() -> rounds[0]++)).isBetween(1, JitWarmup.MAX_ROUNDS);
        assertThat(rounds[0]).isBetween(1, JitWarmup.MAX_ROUNDS);
    }

    private static void burn() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < BURN_NANOS) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
