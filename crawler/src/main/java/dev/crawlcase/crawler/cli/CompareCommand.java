package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.compare.CompareReport;
import dev.crawlcase.crawler.compare.CompareTable;
import dev.crawlcase.crawler.compare.LadderTable;
import dev.crawlcase.crawler.compare.Comparison;
import dev.crawlcase.crawler.compare.RunResult;
import dev.crawlcase.crawler.config.CompareConfig;
import dev.crawlcase.crawler.config.CompareConfigLoader;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.config.SeedCheck;
import dev.crawlcase.json.ConfigFile;
import dev.crawlcase.json.OutputPaths;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.sites.config.WorldConfigLoader;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code compare}: every mode on the same bundled sites, one after another, then a table, a page-set check, the
 * distance from the ideal time, and a report with charts.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run every mode on the same sites and compare time, threads, CPU and memory.")
final class CompareCommand implements Callable<Integer> {
    /** In-flight requests of a stopped run get this long, as in {@code run}. */
    private static final long STOP_GRACE_MS = 5_000;
    /** How long a stop waits for the table and the report of the finished runs before the JVM goes. */
    private static final long STOP_WAIT_MS = 60_000;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Comparison config (default: config/compare.json if present, else the bundled one).")
    Path config;

    @Option(names = "--quick", description = "The small world (the README's first command; well under 20 s).")
    boolean quick;

    @Option(names = "--sweep", paramLabel = "N,N,...", split = ",",
            description = "Also run thread-pool, async and virtual at each of these concurrencies.")
    List<String> sweep;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default from the config).")
    Path report;

    @Option(names = "--sites", paramLabel = "URL", arity = "1..*",
            description = "Crawl these running sites instead of starting the bundled ones (no ground truth).")
    List<String> sites;

    @Mixin
    DashboardOption dashboard;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CompareConfig cc = CompareConfigLoader.load(ConfigFile.find(config, CompareConfigLoader.NAME));
        List<Integer> concurrencies = sweep == null ? cc.sweep()
                : sweep.stream().map(v -> CompareConfigLoader.parseConcurrency("--sweep", v)).toList();
        Path reportDir = report != null ? report : cc.report();
        OutputPaths.folder(report != null ? "--report" : "report (" + cc.report() + ")", reportDir);
        CrawlConfig configured = CrawlConfigLoader.load(cc.crawl());
        CrawlConfig crawl = configured.withPoliteness(new CrawlConfig.Politeness(cc.perHostConcurrency(), 0));
        ConfigFile sitesFile = quick ? cc.quickSites() : cc.sites();
        WorldConfig world = null;
        List<String> seeds = List.of();
        if (sites != null) {
            SeedCheck.validate(sites, crawl.allowRemote());
            seeds = sites;
        } else {
            world = WorldConfigLoader.load(sitesFile);
        }
        String siteSet = world == null ? String.join(" ", seeds) : sitesFile.toString();
        PrintWriter out = spec.commandLine().getOut();
        try (CompareDashboard watching = CompareDashboard.open(dashboard.requested(), dashboard.hosts(),
                spec.commandLine().getErr())) {
            return compare(out, watching, cc, configured, crawl, sitesFile, world, seeds, siteSet, concurrencies,
                    reportDir);
        }
    }

    private int compare(PrintWriter out, CompareDashboard watching, CompareConfig cc, CrawlConfig configured,
                        CrawlConfig crawl, ConfigFile sitesFile, WorldConfig world, List<String> seeds, String siteSet,
                        List<Integer> concurrencies, Path reportDir) {
        out.println("crawlcase compare: " + siteSet + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version().feature());
        differences(configured, cc).forEach(out::println);
        out.flush();
        List<String> notes = new ArrayList<>();
        Path runs = reportDir.resolve("runs");
        StopHook stop = new StopHook();
        List<RunResult> results;
        Optional<String> stoppedIn;
        int planned;
        try {
            try (Comparison comparison = world == null ? Comparison.ofRunningSites(crawl, seeds, runs, out)
                    : Comparison.ofWorld(crawl, sitesFile, world, runs, out)) {
                stop.watch(comparison);
                watching.show(comparison);
                results = comparison.runAll(cc.modes(), cc::concurrencyOf, concurrencies, notes::add);
                stoppedIn = comparison.stoppedIn();
                planned = comparison.planned();
            }
            notes.addAll(PageSetCheck.notes(results));
            out.println();
            stoppedIn.ifPresent(in -> {
                out.println("compare: stopped " + in + " (sites: " + siteSet + "); " + results.size() + " of "
                        + planned + " runs finished" + (results.isEmpty() ? "" : ":"));
                notes.add(0, "stopped " + in + "; " + results.size() + " of " + planned + " runs finished");
            });
            out.print(CompareTable.of(results).render());
            out.println();
            out.print(LadderTable.of(results).render());
            notes.forEach(n -> out.println("* " + n));
            Path html = CompareReport.write(reportDir, results, notes, context(sitesFile, world, seeds));
            out.println("report: " + html);
            out.flush();
        } finally {
            stop.ended();
        }
        if (stoppedIn.isPresent()) {
            return ExitCode.INTERRUPTED;
        }
        return results.stream().allMatch(RunResult::matchesTruth) ? ExitCode.OK : ExitCode.FAILED;
    }

    /**
     * Ctrl-C (or SIGTERM) during a comparison: the run in progress is stopped, no other starts, and the JVM waits
     * until the main thread has printed the table of the finished runs and written their report.
     */
    private static final class StopHook {
        private final CountDownLatch ended = new CountDownLatch(1);
        private final AtomicReference<Comparison> comparison = new AtomicReference<>();
        private final Thread hook = new Thread(this::stop, "crawlcase-compare-stop");
        private volatile boolean stopping;

        StopHook() {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void watch(Comparison c) {
            comparison.set(c);
            if (stopping) {
                c.stop(STOP_GRACE_MS);
            }
        }

        private void stop() {
            stopping = true;
            Comparison c = comparison.get();
            if (c != null) {
                c.stop(STOP_GRACE_MS);
            }
            try {
                ended.await(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void ended() {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs: it returns now that the report is written
            }
        }
    }

    /** Where compare's settings differ from what {@code run} takes from the same crawl.json, said up front. */
    static List<String> differences(CrawlConfig run, CompareConfig cc) {
        List<String> lines = new ArrayList<>();
        CrawlConfig.Politeness p = run.politeness();
        if (p.perHostConcurrency() != cc.perHostConcurrency() || p.perHostDelayMs() != 0) {
            lines.add("note: compare runs " + cc.perHostConcurrency() + " per host with no delay; run uses "
                    + p.perHostConcurrency() + " per host, " + p.perHostDelayMs() + " ms delay (" + cc.crawl()
                    + "), so run --concurrency " + cc.concurrency() + " needs --per-host " + cc.perHostConcurrency()
                    + " --delay 0 to match");
        }
        return lines;
    }

    private JsonObject context(ConfigFile sitesFile, WorldConfig world, List<String> seeds) {
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
        return new JsonObject().put("machine", machine)
                .put("sites", world == null ? String.join(" ", seeds) : sitesFile.toString())
                .put("command", "crawler compare" + (quick ? " --quick" : "")
                        + (sweep == null ? "" : " --sweep " + String.join(",", sweep)))
                .put("ideal", "discrete-event list schedule");
    }
}
