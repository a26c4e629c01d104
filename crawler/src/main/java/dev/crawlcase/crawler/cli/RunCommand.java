package dev.crawlcase.crawler.cli;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.OutputFiles;
import dev.crawlcase.crawler.frontier.FrontierSettings;
import dev.crawlcase.crawler.frontier.QueueSpill;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.state.RecordsFileRepair;
import dev.crawlcase.crawler.state.StateStore;
import dev.crawlcase.json.Range;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code run}: one crawl in one mode, of the given seeds or of the bundled fake sites. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Crawl the seed URLs (or, with none, the bundled fake sites) in one mode.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ModeOption mode;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight (threads in thread-pool mode).")
    Integer concurrency;

    @Option(names = "--max-pages", paramLabel = "N", description = "Fetch at most N distinct pages (0 = no limit).")
    Long maxPages;

    @Option(names = "--max-depth", paramLabel = "N", description = "Follow links at most N hops from a seed.")
    Integer maxDepth;

    @Mixin
    CrawlFlags flags;

    @Mixin
    RequestFlags request;

    @Mixin
    OutputOptions output;

    @Option(names = "--warc", paramLabel = "DIR", converter = FilePath.class,
            description = "Keep every fetch in WARC/1.1 files in DIR (request and response records, gzip per record).")
    Path warc;

    @Option(names = "--records", paramLabel = "DETAIL", description = "What a fetched page's record says: basic "
            + "(default), full (outlinks with drop reasons, response headers, SHA-256, canonical, robots directives) "
            + "or text (full and the page's text).")
    RecordDetail recordDetail;

    @Mixin
    ProgressOption progress;

    @Mixin
    DashboardOption dashboard;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Keep the crawl's state in DIR (H2 MVStore), so that a crashed or stopped crawl can resume.")
    Path stateDir;

    @Option(names = "--resume", description = "Continue the crawl whose state is in --state DIR.")
    boolean resume;

    @Option(names = "--queue-memory", paramLabel = "N",
            description = "With --state: queued URLs held in memory before host queues spill to disk (default 100000).")
    Long queueMemory;

    @Parameters(paramLabel = "SEED_URL", arity = "0..*", description = "Start URLs (loopback only unless allowRemote).")
    List<String> seeds = List.of();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CrawlConfig crawl = overrides(config.load());
        if (resume && stateDir == null) {
            throw new ConfigException("--resume", "needs --state DIR");
        }
        if (queueMemory != null && stateDir == null) {
            throw new ConfigException("--queue-memory", "needs --state DIR (only a durable crawl spills its queues)");
        }
        if (queueMemory != null) {
            positive("--queue-memory", queueMemory);
        }
        StateStore state = resume ? StateFlags.open(stateDir, true) : null;
        try {
            if (state != null) {
                if (state.finished()) {
                    // a finished state still vouches for its records file: one lost or cut since is made whole
                    RecordsFileRepair.Result r = RecordsFileRepair.repair(state.meta().records(), state);
                    spec.commandLine().getOut().println("crawl in " + stateDir + " already finished; records: "
                            + state.meta().records() + repaired(r));
                    return ExitCode.OK;
                }
                crawl = ResumeSettings.apply(crawl, state.meta(), seeds, output.records, output.summary, warc);
            }
            return crawl(crawl, state);
        } finally {
            if (state != null) {
                state.close();
            }
        }
    }

    private int crawl(CrawlConfig crawl, StateStore resumed) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean bundled = crawl.seeds().isEmpty();
        OutputFiles.check(crawl.output(), stateDir);
        StateStore state = resumed;
        try (CrawlSession session = CrawlSession.open(crawl, progress.shown(), err, dashboard.requested(),
                dashboard.hosts())) {
            if (resumed != null) {
                RecordsFileRepair.Result r = RecordsFileRepair.repair(crawl.output().records(), resumed);
                err.println("crawler: resuming " + stateDir + ": " + (r.keptLines() + r.appendedLines())
                        + " records so far (" + r.appendedLines() + " caught up, " + r.tornBytes() + " torn bytes cut)");
            } else if (stateDir != null) {
                state = StateFlags.open(stateDir, false);
                state.describe(ResumeSettings.describe(crawl, bundled));
            }
            return session.crawl(state, queueMemory == null ? QueueSpill.DEFAULT_MEMORY_LIMIT : queueMemory,
                    report -> CrawlEnding.print(report, stateDir, out, err));
        } finally {
            if (state != null && state != resumed) {
                state.close();
            }
        }
    }

    private static String repaired(RecordsFileRepair.Result r) {
        return r.appendedLines() == 0 && r.tornBytes() == 0 ? ""
                : " (repaired: " + r.appendedLines() + " records caught up, " + r.tornBytes() + " torn bytes cut)";
    }

    private CrawlConfig overrides(CrawlConfig c) {
        c = mode.apply(c);
        if (concurrency != null) {
            c = c.withConcurrency((int) inRange("--concurrency", concurrency, Mode.CONCURRENCY_RANGE));
        }
        if (maxDepth != null || maxPages != null) {
            int depth = maxDepth == null ? c.maxDepth()
                    : (int) inRange("--max-depth", maxDepth, FrontierSettings.MAX_DEPTH_RANGE);
            long pages = maxPages == null ? c.maxPages()
                    : inRange("--max-pages", maxPages, FrontierSettings.MAX_PAGES_RANGE);
            c = c.withLimits(depth, pages);
        }
        c = flags.apply(c);
        c = request.apply(c);
        c = output.apply(c);
        if (warc != null) {
            c = c.withOutput(c.output().withWarc(warc));
        }
        if (recordDetail != null) {
            c = c.withOutput(c.output().withRecordDetail(recordDetail));
        }
        if (!seeds.isEmpty()) {
            c = c.withSeeds(seeds);
        }
        return c;
    }

    /**
     * A flag's value within the bound of the config key it overrides (the same constant the config loader checks),
     * so a flag can never pass a value the crawl would refuse once files are open.
     */
    static long inRange(String flag, long value, Range range) {
        if (value < range.min()) {
            throw new ConfigException(flag, "must be >= " + range.min() + ", got " + value);
        }
        if (value > range.max()) {
            throw new ConfigException(flag, "must be <= " + range.max() + ", got " + value);
        }
        return value;
    }

    static long positive(String flag, long value) {
        if (value < 1) {
            throw new ConfigException(flag, "must be >= 1, got " + value);
        }
        return value;
    }
}
