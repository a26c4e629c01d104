package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.bus.BoardStore;
import dev.crawlcase.crawler.bus.FrontierVerticle;
import dev.crawlcase.crawler.bus.PartLink;
import dev.crawlcase.crawler.dashboard.CrawlNow;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.frontier.UrlLog;
import dev.crawlcase.crawler.metrics.ResourceSampler;
import dev.crawlcase.crawler.metrics.ResourceSnapshot;
import dev.crawlcase.crawler.mode.FetcherSettings;
import dev.crawlcase.crawler.mode.ModeVerticles;
import dev.crawlcase.crawler.output.CrawlStats;
import dev.crawlcase.crawler.output.JsonlRecordWriter;
import dev.crawlcase.crawler.output.RunInfo;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.output.SummaryWriter;
import dev.crawlcase.crawler.shard.Outbox;
import dev.crawlcase.crawler.shard.Shard;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.RecordSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Runs some parts of a sharded crawl on one Vert.x instance: each part a frontier of the hosts of its shard with
 * a fetch verticle of its own, trading hand-offs with the other parts (in this JVM or on other cluster nodes) and
 * sending its records to the writing part. Every part schedules and fetches its own hosts; politeness per host is
 * global because a host belongs to exactly one part. The part that writes the records file (the exporter) also
 * writes the summary, once every part has delivered its last record.
 *
 * <p>Parts are fixed for the crawl: {@code parts} in all, host to part by {@link ShardMap}. A part that is lost
 * (its node killed) is not taken over yet: moving parts between nodes needs their state to outlive the node.
 */
public final class ShardedRun {
    private static final int OUTBOX_BATCH = 256;
    /** A hand-off waits at most this long for others to the same part: a fraction of one page's latency. */
    private static final long OUTBOX_LINGER_MS = 100;
    private static final long OUTBOX_RESEND_MS = 2_000;
    private static final long SAMPLE_MS = 50;

    /** Which parts run here, whether the seeds start here, and whether the records file is written here. */
    public record Local(List<Integer> parts, boolean seeds, boolean exporter) {
        public Local {
            parts = List.copyOf(parts);
        }
    }

    private final LongSupplier clockMs = System::currentTimeMillis;
    private final Vertx vertx;
    private final CrawlConfig config;
    private final IntSupplier foreignThreads;
    private final CrawlAddresses crawl;
    private final int parts;
    private final Local local;
    private final List<PartLink> links = new ArrayList<>();
    private final List<Frontier> frontiers = new ArrayList<>();
    private volatile boolean stopRequested;
    /** Hosts of each kind the local frontiers' progress shows (and fetchers publish slots); 0: no one watches. */
    private int hostsShown;
    /** The local parts' own records, counted only while watched: what this node's dashboard shows. */
    private final CrawlStats here = new CrawlStats();
    private volatile Watched watched;

    private record Watched(ResourceSampler sampler, Instant started) {
    }

    public ShardedRun(Vertx vertx, CrawlConfig config, IntSupplier foreignThreads, CrawlAddresses crawl, int parts,
                      Local local) {
        if (local.parts().isEmpty() || local.parts().stream().anyMatch(p -> p < 0 || p >= parts)) {
            throw new IllegalArgumentException("local parts " + local.parts() + " not within 0.." + (parts - 1));
        }
        this.vertx = vertx;
        this.config = config;
        this.foreignThreads = foreignThreads;
        this.crawl = crawl;
        this.parts = parts;
        this.local = local;
    }

    /**
     * A live page on this node watches its parts: their frontiers' progress carries a bounded host view, their
     * fetchers publish their slots, and their records are counted here for {@link #now}. Call before {@link #run}.
     */
    public ShardedRun watched(int hostsShown) {
        if (hostsShown < 1) {
            throw new IllegalArgumentException("hostsShown must be >= 1, got " + hostsShown);
        }
        this.hostsShown = hostsShown;
        return this;
    }

    /**
     * This node's figures now, as its own summary would read (its parts' records, not the whole crawl's): what a
     * {@code dashboard.CrawlFeed} gives; empty unless {@link #watched} and running. Safe from any thread.
     */
    public Optional<CrawlNow> now(long peakInFlight) {
        Watched w = watched;
        if (w == null) {
            return Optional.empty();
        }
        ResourceSnapshot resources = w.sampler().snapshot();
        RunInfo info = new RunInfo(config.mode(), config.effectiveConcurrency() * local.parts().size(),
                config.seeds(), w.started(), Instant.now(), peakInFlight);
        return Optional.of(new CrawlNow(here.summary(info, resources), resources.lastThreads(),
                resources.lastHeapBytes(), here.latencyBuckets()));
    }

    /**
     * Runs the local parts until the whole crawl is finished; on the exporter, also writes the records file and the
     * summary (the report), elsewhere completes with null once this node's records are delivered.
     */
    public Future<CrawlReport> run() {
        ResourceSampler sampler = new ResourceSampler(vertx, SAMPLE_MS, foreignThreads);
        sampler.start();
        Instant started = Instant.now();
        if (hostsShown > 0) {
            watched = new Watched(sampler, started);
        }
        if (!local.exporter()) {
            return runParts().map(v -> {
                sampler.stop();
                return null;
            });
        }
        CrawlStats stats = new CrawlStats();
        return JsonlRecordWriter.open(vertx, config.output().records(), false).compose(writer -> {
            RecordIntake intake = new RecordIntake(r -> {
                writer.accept(r);
                stats.accept(r);
            }, parts);
            Future<Void> crawled = intake.start(vertx, crawl)
                    .compose(v -> Future.all(runParts(), intake.allDelivered()))
                    .<Void>mapEmpty();
            return Closing.after(Closing.after(crawled, intake::close), writer::close);
        }).compose(v -> {
            sampler.stop();
            RunSummary summary = stats.summary(new RunInfo(config.mode(), config.effectiveConcurrency()
                    * local.parts().size(), config.seeds(), started, Instant.now(), peakInFlight()), sampler.snapshot())
                    .withStopped(stopRequested);
            return SummaryWriter.write(vertx, config.output().summary(), summary)
                    .map(w -> new CrawlReport(summary, config.output().records(), config.output().summary(),
                            stopRequested));
        });
    }

    /** Hand-off batches sent and taken by the local parts: the cross-part messages of the crawl's links. */
    public long batchesSent() {
        return links.stream().mapToLong(PartLink::batchesSent).sum();
    }

    /** Operations on the board's shared map by the local parts. */
    public long boardOperations() {
        return links.stream().mapToLong(PartLink::boardOperations).sum();
    }

    /** Asks every local part to stop leasing and finish after {@code graceMs}. */
    public Future<Void> stop(long graceMs) {
        stopRequested = true;
        List<Future<?>> stops = new ArrayList<>();
        for (int p : local.parts()) {
            stops.add(vertx.eventBus().request(crawl.part(p).stop(), graceMs));
        }
        return Future.all(stops).mapEmpty();
    }

    private long peakInFlight() {
        return frontiers.stream().mapToLong(f -> f.stats().peakInFlight()).sum();
    }

    private Future<Void> runParts() {
        List<Future<?>> all = new ArrayList<>();
        for (int p : local.parts()) {
            all.add(runPart(p, local.seeds() && p == local.parts().get(0)));
        }
        return Future.all(all).mapEmpty();
    }

    /** The part's records on their way to the writing part, counted here too for this node's dashboard. */
    private RecordSink counted(RecordRelay relay) {
        return record -> {
            relay.accept(record);
            here.accept(record);
        };
    }

    private Future<Void> runPart(int part, boolean seeds) {
        CrawlSetup setup = new CrawlSetup(config);
        Mode mode = config.mode();
        RecordRelay relay = new RecordRelay(vertx, crawl, part);
        Shard shard = new Shard(part, new ShardMap(parts), new Outbox(part, OUTBOX_BATCH, OUTBOX_LINGER_MS,
                OUTBOX_RESEND_MS), clockMs, share -> new Frontier(setup.frontierSettings(), setup.scope(),
                setup.normalizer(), hostsShown == 0 ? relay : counted(relay), UrlLog.NONE, share, mode, clockMs,
                new Random()));
        Frontier frontier = shard.frontier();
        frontiers.add(frontier);
        if (seeds) {
            frontier.seed(config.seeds());
        }
        PartLink link = new PartLink(shard, crawl, new BoardStore(vertx, crawl.boardMap(), parts));
        links.add(link);
        FrontierVerticle verticle = new FrontierVerticle(frontier, crawl.part(part), null, clockMs, link)
                .showingHosts(hostsShown);
        FetcherSettings fetchers = setup.fetcherSettings(crawl.part(part), config.effectiveConcurrency(),
                "part" + part + "-" + mode.label());
        return vertx.deployVerticle(verticle).compose(frontierId -> vertx.deployVerticle(
                        ModeVerticles.create(mode, hostsShown == 0 ? fetchers : fetchers.withLiveSlots()),
                        ModeVerticles.deploymentOptions(mode))
                .compose(fetcherId -> verticle.done().compose(v -> relay.finish())
                        .compose(v -> vertx.undeploy(fetcherId)))
                .compose(v -> vertx.undeploy(frontierId)));
    }
}
