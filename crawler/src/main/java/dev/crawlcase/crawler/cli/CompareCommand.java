package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.compare.CompareReport;
import dev.crawlcase.crawler.compare.CompareTable;
import dev.crawlcase.crawler.compare.Comparison;
import dev.crawlcase.crawler.compare.RunResult;
import dev.crawlcase.crawler.config.CompareConfig;
import dev.crawlcase.crawler.config.CompareConfigLoader;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.OutputFiles;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.config.SeedCheck;
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
import java.util.concurrent.Callable;

/**
 * {@code compare}: every mode on the same bundled sites, one after another, then a table, a page-set check, the
 * distance from the ideal time, and a report with charts.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run every mode on the same sites and compare time, threads, CPU and memory.")
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/compare.json",
            description = "Comparison config (default: ${DEFAULT-VALUE}).")
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
        CompareConfig cc = CompareConfigLoader.load(config);
        List<Integer> concurrencies = sweep == null ? cc.sweep()
                : sweep.stream().map(v -> CompareConfigLoader.parseConcurrency("--sweep", v)).toList();
        Path reportDir = report != null ? report : cc.report();
        OutputFiles.checkFolder("--report", reportDir);
        CrawlConfig configured = CrawlConfigLoader.load(cc.crawl());
        CrawlConfig crawl = configured.withPoliteness(new CrawlConfig.Politeness(cc.perHostConcurrency(), 0));
        Path sitesFile = quick ? cc.quickSites() : cc.sites();
        WorldConfig world = null;
        List<String> seeds = List.of();
        if (sites != null) {
            SeedCheck.validate(sites, crawl.allowRemote());
            seeds = sites;
        } else {
            world = WorldConfigLoader.load(sitesFile);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> notes = new ArrayList<>();
        Path runs = reportDir.resolve("runs");
        List<RunResult> results;
        try (CompareDashboard watching = CompareDashboard.open(dashboard.requested(), spec.commandLine().getErr())) {
            out.println("crawlcase compare: " + (world == null ? String.join(" ", seeds) : sitesFile) + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature());
            differences(configured, cc).forEach(out::println);
            try (Comparison comparison = world == null ? Comparison.ofRunningSites(crawl, seeds, runs, out)
                    : Comparison.ofWorld(crawl, sitesFile, world, runs, out)) {
                watching.show(comparison);
                results = comparison.runAll(cc.modes(), cc.concurrency(), concurrencies, notes::add);
            }
        }
        notes.addAll(PageSetCheck.notes(results));
        out.println();
        out.print(CompareTable.of(results).render());
        notes.forEach(n -> out.println("* " + n));
        Path html = CompareReport.write(reportDir, results, notes, context(sitesFile, world, seeds));
        out.println("report: " + html);
        return results.stream().allMatch(RunResult::matchesTruth) ? ExitCode.OK : ExitCode.FAILED;
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

    private JsonObject context(Path sitesFile, WorldConfig world, List<String> seeds) {
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
        return new JsonObject().put("machine", machine)
                .put("sites", world == null ? String.join(" ", seeds) : sitesFile.toString())
                .put("command", "crawler compare" + (quick ? " --quick" : "")
                        + (sweep == null ? "" : " --sweep " + String.join(",", sweep)))
                .put("ideal", "discrete-event list schedule");
    }
}
