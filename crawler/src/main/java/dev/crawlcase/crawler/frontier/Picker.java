package dev.crawlcase.crawler.frontier;

/**
 * What the frontier asks of whoever chooses the next lease: {@link HostPicker} in production; tests plug in the
 * scanning picker it replaced, to check that both hand out the same tasks in the same order.
 */
interface Picker {
    /** The host whose lease comes next now, or null when no host may take one. */
    HostQueue pick(long now);

    /** The page entry to lease from a {@link #pick picked} host that is not waiting for robots.txt, dequeued. */
    QueuedUrl take(HostQueue host, long now);

    /** The earliest time at which {@link #pick} could find more than now (now or earlier if it can now), or Long.MAX_VALUE. */
    long nextWorkAtMs(long now);

    /** Makes the frontier's picker from the frontier's parts. */
    interface Factory {
        Picker make(FrontierSettings settings, HostTable hosts, RobotsGate robots, UrlBook book, Ledger ledger);
    }
}
