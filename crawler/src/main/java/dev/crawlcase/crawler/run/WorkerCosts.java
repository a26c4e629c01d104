package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.fetch.FetchWorker;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.task.Mode;

/** The one place that says which modes' worker processes count toward a crawl's memory and CPU. */
public final class WorkerCosts {
    private WorkerCosts() {
    }

    /** {@code sampler}, counting the fetch worker processes' memory and CPU when {@code mode} fetches in them. */
    public static ResourceSampler counted(ResourceSampler sampler, Mode mode) {
        return mode == Mode.PROCESSES ? sampler.countingWorkers(FetchWorker.class.getName()) : sampler;
    }
}
