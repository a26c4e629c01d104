package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.bus.CrawlProgress;
import dev.crawlcase.crawler.bus.SlotStrip;
import dev.crawlcase.crawler.output.LatencyBuckets;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.HostLoad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * What the dashboard shows, in one place: the crawl being watched (its feed and the latest progress of its frontier,
 * or the sum over its frontiers when a node runs several parts), the crawls that finished before it (a compare's
 * ladder) and the cluster's nodes. Written by whoever runs the
 * crawls, read by the server's timer and requests; every method holds the board's lock briefly.
 */
final class Board {
    private final String title;
    private final List<Rung> ladder = new ArrayList<>();
    private String label = "";
    private CrawlFeed feed;
    private CrawlProgress progress = CrawlProgress.NONE;
    /** The latest progress of each followed frontier, by its progress address; {@link #progress} is their sum. */
    private final Map<String, CrawlProgress> progressBy = new TreeMap<>();
    private RunSummary finished;
    private ClusterFeed cluster;
    private Snapshot last;
    /** The finished crawl's latency buckets, read from its feed once as it ended. */
    private LatencyBuckets finishedLatency = LatencyBuckets.NONE;
    /** The followed crawl's fetch verticles' latest strips, by fetcher id. */
    private final Map<String, SlotStrip> strips = new TreeMap<>();

    /** A finished crawl on the ladder. */
    record Rung(String label, RunSummary summary) {
    }

    Board(String title) {
        this.title = title;
    }

    synchronized void follow(String crawlLabel, CrawlFeed crawlFeed) {
        label = crawlLabel;
        feed = crawlFeed;
        progress = CrawlProgress.NONE;
        progressBy.clear();
        finished = null;
        strips.clear();
    }

    /** The latest progress of the followed crawl's frontier at {@code source} (its progress address). */
    synchronized void progress(String source, CrawlProgress latest) {
        if (finished == null) {
            progressBy.put(source, latest);
            progress = progressBy.size() == 1 ? latest : sum(progressBy.values());
        }
    }

    /**
     * Several frontiers' progress as one: counts add up, their host views are listed together (each frontier owns
     * its hosts), and the peak in flight is the sum of their peaks (at most that many were in flight at once).
     */
    private static CrawlProgress sum(Collection<CrawlProgress> all) {
        List<HostLoad> hosts = new ArrayList<>();
        all.forEach(p -> hosts.addAll(p.hosts()));
        return new CrawlProgress(all.stream().mapToLong(CrawlProgress::queued).sum(),
                all.stream().mapToInt(CrawlProgress::inFlight).sum(),
                all.stream().mapToLong(CrawlProgress::fetched).sum(),
                all.stream().mapToLong(CrawlProgress::failed).sum(),
                all.stream().mapToLong(CrawlProgress::skipped).sum(),
                all.stream().mapToLong(CrawlProgress::redirected).sum(),
                all.stream().mapToLong(CrawlProgress::retries).sum(),
                all.stream().mapToInt(CrawlProgress::peakInFlight).sum(), hosts);
    }

    /**
     * The followed crawl ended with this summary: shown as it is, and added to the ladder. The meters read it at
     * once, so a scrape right after the end already counts every record.
     */
    synchronized void slots(SlotStrip strip) {
        if (finished == null) {
            strips.put(strip.fetcher(), strip);
        }
    }

    synchronized void finished(RunSummary summary) {
        Optional<CrawlNow> end = feed == null || finished != null ? Optional.empty()
                : feed.now(progress.peakInFlight());
        finishedLatency = end.map(CrawlNow::latency).orElse(LatencyBuckets.NONE);
        finished = summary;
        strips.clear();
        progress = progress.ended();
        ladder.add(new Rung(label, summary));
        snapshot();
    }

    synchronized void cluster(ClusterFeed nodes) {
        cluster = nodes;
    }

    /** The figures now; the crawl's feed is read here and nowhere else. */
    synchronized Snapshot snapshot() {
        Optional<CrawlNow> now = finished != null || feed == null ? Optional.empty()
                : feed.now(progress.peakInFlight());
        Phase phase = finished != null ? Phase.FINISHED : now.isPresent() ? Phase.RUNNING : Phase.WAITING;
        RunSummary summary = finished != null ? finished : now.map(CrawlNow::summary).orElse(null);
        int threads = now.map(CrawlNow::liveThreads).orElse(last == null ? 0 : last.liveThreads());
        long heap = now.map(CrawlNow::heapBytes).orElse(last == null ? 0 : last.heapBytes());
        LatencyBuckets latency = finished != null ? finishedLatency
                : now.map(CrawlNow::latency).orElse(LatencyBuckets.NONE);
        last = new Snapshot(title, label, phase, summary, progress.queued(), progress.inFlight(),
                progress.retries(), threads, heap, progress.hosts(), List.copyOf(strips.values()),
                System.currentTimeMillis(), latency, List.copyOf(ladder),
                cluster == null ? List.of() : List.copyOf(cluster.nodes()));
        return last;
    }

    /** The snapshot the last {@link #snapshot()} took (meters read this, so a scrape never reads the crawl). */
    synchronized Optional<Snapshot> last() {
        return Optional.ofNullable(last);
    }

    enum Phase {
        WAITING, RUNNING, FINISHED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
