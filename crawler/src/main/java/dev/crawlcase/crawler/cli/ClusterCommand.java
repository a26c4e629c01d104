package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.mode.ModeVerticles;
import com.hazelcast.config.Config;
import dev.crawlcase.crawler.cluster.CopyWatch;
import dev.crawlcase.crawler.cluster.QuorumWatch;
import dev.crawlcase.crawler.cluster.CrawlDefinition;
import dev.crawlcase.crawler.cluster.CrawlStateFolder;
import dev.crawlcase.crawler.cluster.FetcherNode;
import dev.crawlcase.crawler.cluster.HazelcastConfig;
import dev.crawlcase.crawler.run.CrawlNodes;
import dev.crawlcase.crawler.run.PartLocks;
import dev.crawlcase.crawler.run.NodeStoppedActing;
import dev.crawlcase.crawler.run.PartLost;
import dev.crawlcase.crawler.run.PauseFence;
import dev.crawlcase.crawler.config.OutputFiles;
import dev.crawlcase.crawler.config.SeedCheck;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.ShardedRun;
import dev.crawlcase.crawler.cluster.FrontierClaim;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.Range;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.run.CrawlSetup;
import ch.qos.logback.classic.Level;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code cluster}: one node of a clustered crawl. The frontier node owns the crawl (queue, politeness, robots,
 * records, summary) and may fetch too; fetcher nodes of any mode lease work from it over the clustered event bus
 * and exit 0 when it says the crawl is finished.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, resourceBundle = "dev.crawlcase.crawler.cli.ClusterHelp",
        description = "Run one node of a clustered crawl: --role node --nodes N (every node equal: each schedules and "
                + "fetches its own part of the hosts; the node of part 0 writes the records), or the older split: "
                + "--role frontier (owns the crawl and the output) or --role fetcher (leases work from the frontier;"
                + " exits 0 when the crawl it joined has finished).")
final class ClusterCommand implements Callable<Integer> {
    /** How long a finished frontier keeps answering "finished" before it leaves, for fetchers between requests. */
    static final long LINGER_MS = 2_000;
    private static final long CLOSE_TIMEOUT_MS = 10_000;
    private static final Pattern CRAWL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** On the frontier, 0 means it only serves the crawl; any other value is a mode's concurrency. */
    private static final Range FRONTIER_CONCURRENCY = new Range(0, Mode.CONCURRENCY_RANGE.max());

    enum Role { frontier, fetcher, node }

    /** How many nodes may start one sharded crawl (one part each, or more with --parts). */
    private static final Range NODES = new Range(1, 64);

    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOptions cluster;

    // required, but checked in call(): picocli reports a missing required option before an unknown one, so a
    // mistyped flag would get "Missing required option" instead of its "did you mean"
    @Option(names = "--role", paramLabel = "ROLE",
            description = "node (every node equal: schedules and fetches its own part of the hosts), or the older "
                    + "split: frontier or fetcher")
    Role role;

    @Option(names = "--nodes", paramLabel = "N",
            description = "Node role: how many nodes start the crawl; the hosts are cut into N parts (or --parts P),"
                    + " shared out among them.")
    Integer nodes;

    @Option(names = "--parts", paramLabel = "P",
            description = "Node role: cut the hosts into P parts (P >= N, at most 256; default N): the first nodes"
                    + " take more than one each, and with --state a node that joins mid-crawl takes parts over.")
    Integer partsGiven;

    @Mixin
    QuorumOption quorum;

    @Mixin
    ModeOption mode;

    @Mixin
    CrawlFlags flags;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests in flight on this node. On the frontier, N > 0 also fetches there (0: no fetching).")
    Integer concurrency;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Node role: keep each part's state in DIR/part-N (this node's own folder, or one the nodes"
                    + " share; each part's journal is also copied into the cluster's memory), so that a part whose"
                    + " node dies is taken over by another node, and a crawl whose every node died goes on with"
                    + " --resume.")
    Path stateDir;

    @Option(names = "--resume", description = "Node role: go on with the sharded crawl in --state DIR (its seeds"
            + " and parts come from there; any number of nodes).")
    boolean resume;

    @Option(names = "--fetch", description = "Frontier only: also run a fetch verticle on this node.")
    boolean fetch;

    @Option(names = "--crawl-id", paramLabel = "ID", defaultValue = "main",
            description = "Which crawl to serve or join; nodes with the same id work together. Default: ${DEFAULT-VALUE}.")
    String crawlId;

    /** Frontier only: the help texts say so through the command's resource bundle. */
    @Mixin
    OutputOptions output;

    @Mixin
    ProgressOption progress;

    @Mixin
    DashboardOption dashboard;

    @Option(names = "--verbose", description = "Also show Hazelcast's warnings on stderr (members met, lost or "
            + "suspected dead, other clusters on the same ports); without it only its errors.")
    boolean verbose;

    @Parameters(paramLabel = "SEED_URL", arity = "0..*",
            description = "Frontier only: start URLs (none: the bundled fake sites, started in the frontier's JVM).")
    List<String> seeds = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (role == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--role=ROLE'");
        }
        if (!CRAWL_ID.matcher(crawlId).matches()) {
            throw new ConfigException("--crawl-id", "letters, digits, '.', '_' or '-' (1 to 64), got '" + crawlId + "'");
        }
        if (verbose) {
            // the bundled logback.xml keeps com.hazelcast at ERROR; its more specific quiet loggers stay as they are
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.hazelcast")).setLevel(Level.WARN);
        }
        CrawlConfig crawl = flags.apply(mode.apply(config.load()));
        Config hazelcast = cluster.hazelcast();
        if (dashboard.requested().isPresent() && role != Role.node) {
            throw new ConfigException("--dashboard", "only --role node serves a dashboard yet (so do run and compare)");
        }
        return switch (role) {
            case frontier -> frontier(crawl, hazelcast);
            case fetcher -> fetcher(crawl, hazelcast);
            case node -> node(crawl, hazelcast);
        };
    }

    /**
     * One equal node of a sharded crawl: claims the first free parts up to its share (with a state, a node that finds
     * none free joins and waits for one to be handed over), agrees on the seeds with the others (any node may bring
     * them), then schedules and fetches the hosts of its parts; the node holding part 0 writes the records
     * file and the summary.
     */
    private int node(CrawlConfig crawl, Config hazelcast) {
        if (resume && stateDir == null) {
            throw new ConfigException("--resume", "needs --state DIR");
        }
        CrawlDefinition.Agreed resumed = resume ? CrawlStateFolder.read(stateDir, crawlId) : null;
        if (resumed == null && nodes == null) {
            throw new ConfigException("--nodes", "--role node needs --nodes N: how many nodes share the crawl ("
                    + NODES.min() + " to " + NODES.max() + ")");
        }
        int expected = nodes == null ? 0 : (int) RunCommand.inRange("--nodes", nodes, NODES);
        int parts = NodeParts.count(partsGiven, resumed, expected, stateDir);
        int quorumSize = quorum.of(expected, resumed != null);
        if (resumed != null && !seeds.isEmpty() && !seeds.equals(resumed.seeds())) {
            throw new ConfigException("", "the crawl in " + stateDir + " has the seeds " + resumed.seeds()
                    + "; leave them out to resume it");
        }
        if (fetch) {
            throw new ConfigException("--fetch", "every node fetches with --role node; --fetch belongs to --role frontier");
        }
        if (concurrency != null) {
            crawl = crawl.withConcurrency((int) RunCommand.inRange("--concurrency", concurrency, Mode.CONCURRENCY_RANGE));
        }
        crawl = output.apply(crawl);
        Mode m = crawl.mode();
        if (m.unavailableReason().isPresent()) {
            throw new ConfigException("", m.unavailableReason().orElseThrow());
        }
        List<String> given = resumed != null ? resumed.seeds() : seeds;
        if (!given.isEmpty()) {
            SeedCheck.validate(given, crawl.allowRemote());
        }
        OutputFiles.check(crawl.output());
        PrintWriter stdout = spec.commandLine().getOut();
        CrawlAddresses addresses = new CrawlAddresses(crawlId);
        // a watched node's Vert.x is metered from its start, as run's is
        Optional<PrometheusMeterRegistry> meters = dashboard.requested().isEmpty() ? Optional.empty()
                : Optional.of(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        Vertx vertx = cluster.join(hazelcast, meters);
        Thread hook = new Thread(() -> close(vertx), "crawlcase-leave");
        Runtime.getRuntime().addShutdownHook(hook);
        Duration pauseLimit = HazelcastConfig.pauseLimit(hazelcast);
        PrintWriter stderr = spec.commandLine().getErr();
        PauseFence fence = PauseFence.start(pauseLimit, pause -> {
            // the cluster may have declared this node dead and handed its parts on: nothing more may be fetched,
            // sent or written here, not even the orderly close of a state (what is committed is crash-safe)
            stderr.println("crawler: this node stood still for " + seconds(pause) + " s (stopped, frozen or"
                    + " starved), longer than the " + seconds(pauseLimit) + " s the cluster is sure to wait; its parts"
                    + " may run on another node now, so it ends here without fetching or writing more");
            stderr.flush();
            Runtime.getRuntime().halt(ExitCode.FAILED);
        });
        try {
            if (resumed == null && stateDir != null && CrawlStateFolder.holdsCrawl(stateDir)
                    && joined(vertx, CrawlDefinition.current(vertx, addresses)) == null) {
                throw CrawlStateFolder.held(stateDir); // an earlier crawl's folder, and no crawl running to join
            }
            CrawlNodes crawlNodes = new CrawlNodes(vertx, addresses);
            List<PartLocks.Held> claims = joined(vertx, NodeParts.claim(vertx, addresses, crawlNodes, parts,
                    expected, stateDir != null));
            String held = NodeParts.held(claims);
            CrawlDefinition.Agreed agreed = joined(vertx, given.isEmpty()
                    ? CrawlDefinition.await(vertx, addresses, parts, () -> stdout.println("node: " + held
                    + " of crawl '" + crawlId + "' waiting for its seeds (give them to any one node)"))
                    : CrawlDefinition.offer(vertx, addresses, resumed != null ? resumed
                    : CrawlDefinition.Agreed.dealt(given, parts)));
            if (stateDir != null) {
                CrawlStateFolder.write(stateDir, crawlId, agreed);
            }
            crawl = crawl.withSeeds(agreed.seeds());
            String name = m.label() + "@" + ProcessHandle.current().pid();
            NodeParts.tell(stdout, claims, parts, crawlId, crawl, name);
            int part = claims.isEmpty() ? -1 : claims.get(0).part();
            Consumer<String> say = line -> {
                stdout.println("node: " + line);
                stdout.flush();
            };
            QuorumWatch quorate = QuorumWatch.start(vertx, quorumSize, say);
            ShardedRun run = new ShardedRun(vertx, crawl, () -> 0, addresses, agreed.map(), stateDir, name)
                    .balanced(crawlNodes)
                    .fenced(() -> fence.holds() && quorate.holds())
                    .onSay(say);
            if (stateDir != null) {
                run.copiesChecked(CopyWatch.start(vertx, addresses, say)::whole);
            }
            if (resumed != null) {
                run.resumed();
            }
            NodeDashboard watching = meters.isEmpty() ? null : NodeDashboard.start(vertx, dashboard, meters.get(),
                    run, addresses, part, parts, m.label() + " " + crawl.effectiveConcurrency(),
                    claims.stream().anyMatch(c -> c.part() == 0),
                    spec.commandLine().getErr());
            CrawlReport report;
            try {
                report = joined(vertx, run.run(claims.stream()
                        .collect(Collectors.toMap(PartLocks.Held::part, PartLocks.Held::lock))));
            } catch (CompletionException e) {
                if (e.getCause() instanceof PartLost || e.getCause() instanceof NodeStoppedActing) {
                    spec.commandLine().getErr().println("crawler: " + e.getCause().getMessage());
                    return ExitCode.FAILED;
                }
                throw e;
            } finally {
                if (watching != null) {
                    watching.finished();
                }
            }
            if (report == null) {
                stdout.println("node: crawl '" + crawlId + "' finished; its records were merged by the node of part 0");
                return ExitCode.OK;
            }
            return CrawlEnding.print(report, null, stdout, spec.commandLine().getErr());
        } finally {
            fence.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                close(vertx);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already leaving the cluster
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    /** The future's value; its ConfigException (a refusal) as it is, any other failure as thrown by join. */
    private static <T> T joined(Vertx vertx, io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ConfigException refused) {
                throw refused;
            }
            throw e;
        }
    }

    private int frontier(CrawlConfig crawl, Config hazelcast) {
        if (concurrency != null) {
            long c = RunCommand.inRange("--concurrency", concurrency, FRONTIER_CONCURRENCY);
            crawl = c == 0 ? crawl : crawl.withConcurrency((int) c);
        }
        crawl = output.apply(crawl);
        if (!seeds.isEmpty()) {
            crawl = crawl.withSeeds(seeds);
        }
        boolean localFetch = fetch || (concurrency != null && concurrency > 0);
        CrawlAddresses addresses = new CrawlAddresses(crawlId);
        PrintWriter stdout = spec.commandLine().getOut();
        FetcherTally fetchers = new FetcherTally(addresses, stdout, crawl.mode(), crawl.effectiveConcurrency());
        CrawlSession.Node node = new CrawlSession.Node(addresses, localFetch, LINGER_MS, fetchers::work);
        try (CrawlSession session = CrawlSession.open(crawl, progress.shown(), spec.commandLine().getErr(),
                () -> fetchers.watch(claimed(cluster.join(hazelcast), addresses)), node)) {
            stdout.println("frontier: serving crawl '" + crawlId + "'" + (localFetch ? ", fetching here too" : ""));
            return session.crawl(report -> {
                // a row per fetcher that did the work; the frontier's own mode and concurrency only if it fetched
                int code = CrawlEnding.print(report, null, fetchers.work(), stdout, spec.commandLine().getErr());
                fetchers.print();
                return code;
            });
        }
    }

    private int fetcher(CrawlConfig crawl, Config hazelcast) {
        if (output.given() || fetch || !seeds.isEmpty()) {
            throw new ConfigException("--role fetcher", "--out, --summary, --fetch and seed URLs belong to the frontier");
        }
        if (concurrency != null) {
            crawl = crawl.withConcurrency((int) RunCommand.inRange("--concurrency", concurrency, Mode.CONCURRENCY_RANGE));
        }
        Mode m = crawl.mode();
        if (ModeVerticles.unavailableReason(m).isPresent()) {
            throw new ConfigException("", ModeVerticles.unavailableReason(m).orElseThrow());
        }
        String fetcherId = FetcherTally.fetcherId(m.label(), crawl.effectiveConcurrency(), ProcessHandle.current().pid());
        PrintWriter stdout = spec.commandLine().getOut();
        Vertx vertx = cluster.join(hazelcast);
        Thread hook = new Thread(() -> close(vertx), "crawlcase-leave");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stdout.println("fetcher " + fetcherId + ": joined, waiting for work of crawl '" + crawlId + "'");
            var settings = new CrawlSetup(crawl).fetcherSettings(new CrawlAddresses(crawlId), crawl.effectiveConcurrency(),
                    fetcherId);
            FetcherNode.run(vertx, m, settings).toCompletionStage().toCompletableFuture().join();
            stdout.println("fetcher " + fetcherId + ": crawl '" + crawlId + "' finished");
            return ExitCode.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                close(vertx);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already leaving the cluster
            }
        }
    }

    /**
     * Holds the crawl's frontier role for as long as this node is a member, or leaves and refuses with one line
     * (exit 2) before any output is touched when another frontier of the same crawl id already runs.
     */
    private static Vertx claimed(Vertx vertx, CrawlAddresses addresses) {
        try {
            FrontierClaim.claim(vertx, addresses).toCompletionStage().toCompletableFuture().join();
            return vertx;
        } catch (CompletionException e) {
            close(vertx);
            if (e.getCause() instanceof ConfigException refused) {
                throw refused;
            }
            throw e;
        }
    }

    /** Leaves the cluster cleanly (also on Ctrl-C), so the others need not wait for a missed heartbeat. */
    private static void close(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.err.println("crawler: leaving the cluster did not complete: " + e);
        }
    }
}
