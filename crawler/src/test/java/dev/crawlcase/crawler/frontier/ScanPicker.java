package dev.crawlcase.crawler.frontier;

/**
 * The picker the frontier had before {@link HostPicker} (a scan of every host on each pick and each wake-up): the
 * reference {@link SchedulerEquivalenceTest} compares the heap-based one with. Kept as it was but for one line: it
 * moved its round-robin cursor while scanning ({@code index = (cursor + i) % n} with {@code cursor} set on every
 * better host), so a scan skipped hosts and could lease a deeper page, or a page before a due robots.txt; here the
 * scan starts from the cursor it was called with, as its documentation said. The ranking of one host is shared.
 */
final class ScanPicker implements Picker {
    private final FrontierSettings settings;
    private final HostTable hosts;
    private final RobotsGate robots;
    private final HostRanking ranking;
    private int cursor;

    ScanPicker(FrontierSettings settings, HostTable hosts, RobotsGate robots, UrlBook book, Ledger ledger) {
        this.settings = settings;
        this.hosts = hosts;
        this.robots = robots;
        this.ranking = new HostRanking(robots, book, ledger);
    }

    @Override
    public HostQueue pick(long now) {
        HostQueue best = null;
        int bestRank = HostRanking.NONE;
        var all = hosts.all();
        int n = all.size();
        int start = cursor;
        for (int i = 0; i < n; i++) {
            int index = (start + i) % n;
            HostQueue host = all.get(index);
            if (host.busy(settings.perHostConcurrency()) || now < host.nextStartMs(robots.delayMs(host))) {
                continue;
            }
            int rank = ranking.rank(host, now);
            if (rank < bestRank) {
                best = host;
                bestRank = rank;
                cursor = index + 1;
            }
        }
        return best;
    }

    @Override
    public QueuedUrl take(HostQueue host, long now) {
        return ranking.take(host, now);
    }

    @Override
    public long nextWorkAtMs(long now) {
        long best = Long.MAX_VALUE;
        for (HostQueue host : hosts.all()) {
            if (!host.busy(settings.perHostConcurrency())) {
                long workAt = ranking.workAtMs(host);
                if (workAt != Long.MAX_VALUE) {
                    best = Math.min(best, Math.max(Math.min(workAt, now), host.nextStartMs(robots.delayMs(host))));
                }
            }
        }
        return best;
    }
}
