package dev.crawlcase.crawler.metrics;

/**
 * What {@link ResourceSampler} saw.
 *
 * @param peakThreads   most live platform threads in one sample (excluded name prefixes not counted)
 * @param lastThreads   live platform threads in the latest sample
 * @param cpuSeconds    process CPU time since start (the worker processes' included), or -1 when the JVM does not
 *                      report it
 * @param peakHeapBytes most heap in use in one sample, plus the worker processes' resident memory in that sample
 *                      (processes mode; {@link ResourceSampler#countingWorkers})
 * @param samples       how many samples were taken
 * @param lastHeapBytes heap in use in the latest sample
 */
public record ResourceSnapshot(int peakThreads, int lastThreads, double cpuSeconds, long peakHeapBytes,
                               long samples, long lastHeapBytes) {

    /** A snapshot that does not say how much heap the latest sample saw. */
    public ResourceSnapshot(int peakThreads, int lastThreads, double cpuSeconds, long peakHeapBytes, long samples) {
        this(peakThreads, lastThreads, cpuSeconds, peakHeapBytes, samples, 0);
    }
}
