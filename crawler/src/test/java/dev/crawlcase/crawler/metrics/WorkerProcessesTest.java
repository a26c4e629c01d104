package dev.crawlcase.crawler.metrics;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the children that run the named main class count, with their resident memory and their CPU. */
class WorkerProcessesTest {

    /**
     * A stand-in worker: a shell whose command line names {@code marker} the way a worker's names its main class,
     * which first runs {@code work}, then says so (it has replaced the JVM's forked image by then) and waits.
     */
    private static Process standIn(String marker, String work) throws Exception {
        Process child = new ProcessBuilder("sh", "-c", work + "; echo started; while :; do sleep 1; done", marker)
                .start();
        String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(line).isEqualTo("started");
        return child;
    }

    @Test
    void countsTheChildrenRunningTheMainClassAndNoOthers() throws Exception {
        Process child = standIn("crawlcase-test-worker", "true");
        try {
            WorkerProcesses.Cost counted = new WorkerProcesses("crawlcase-test-worker").sample();
            assertThat(counted.residentBytes()).isPositive();
            assertThat(new WorkerProcesses("dev.crawlcase.NoSuchMain").sample()).isEqualTo(WorkerProcesses.Cost.NONE);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void aWorkerThatHasGoneKeepsItsCpuAndLosesItsMemory() throws Exception {
        Process child = standIn("crawlcase-test-busy-worker", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done");
        WorkerProcesses workers = new WorkerProcesses("crawlcase-test-busy-worker");
        WorkerProcesses.Cost before;
        try {
            before = workers.sample();
            assertThat(before.residentBytes()).isPositive();
            assertThat(before.cpuSeconds()).isPositive();
        } finally {
            child.destroyForcibly().waitFor();
        }
        WorkerProcesses.Cost after = workers.sample();
        assertThat(after.residentBytes()).isZero();
        assertThat(after.cpuSeconds()).isGreaterThanOrEqualTo(before.cpuSeconds());
    }
}
