package dev.crawlcase.crawler.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warm-up until the JIT has settled: a round of work is repeated until the JIT compilers spent less than
 * {@link #SETTLED_SHARE} of the round's wall time compiling, or {@link #MAX_ROUNDS} rounds have run. One round is not
 * enough on 2 cores: C2 keeps compiling jsoup's and the crawler's hot paths for tens of seconds, and a compiler thread
 * busy on one of two cores halves what is measured next. A long crawl runs in the settled state, so that is the one
 * the benchmark compares.
 */
final class JitWarmup {
    static final double SETTLED_SHARE = 0.05;
    static final int MAX_ROUNDS = 4;

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

    /** Milliseconds the JIT compilers have spent so far, or -1 when the JVM does not say. */
    long compileMillis() {
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Runs {@code round} until the JIT settles; returns the number of rounds run. */
    int run(Runnable round) {
        for (int rounds = 1; ; rounds++) {
            long compileBefore = compileMillis();
            long start = System.nanoTime();
            round.run();
            double wallMillis = (System.nanoTime() - start) / 1e6;
            long compiled = compileMillis() - compileBefore;
            if (compileBefore < 0 || rounds >= MAX_ROUNDS || compiled < SETTLED_SHARE * wallMillis) {
                return rounds;
            }
        }
    }
}
