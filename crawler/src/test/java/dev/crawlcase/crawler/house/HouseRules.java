package dev.crawlcase.crawler.house;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The crawler's house, written down once: which package may use which. Data flows one way, frontier -> fetch ->
 * parse -> frontier, through the messages in {@code task}; a package never imports one above it.
 *
 * <pre>
 *   tools        cli, compare, bench, cluster
 *   root         run                       (the composition root: wires one crawl together)
 *   endpoints    bus, mode, dashboard      (the frontier's event-bus endpoint; the fetch verticles; the live page)
 *   settings     config                    (reads crawl.json against the stages' own defaults and bounds)
 *   stages       frontier, fetch, parse, output, state, warc, metrics
 *   messages     task                      (FetchTask, FetchResult, FetchOutcome, CrawlRecord, Mode, ...)
 *   leaf         url                       (one URL parser, one host rule, the fingerprint)
 * </pre>
 *
 * Each rule takes the root package, so the same rules can be run over a fixture with a planted cycle.
 */
public final class HouseRules {
    private HouseRules() {
    }

    /** No two packages depend on each other, directly or around a loop. */
    public static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Each package is used only from the packages above it (and stages only as listed). */
    public static LayeredArchitecture layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("url").definedBy(root + ".url..")
                .layer("task").definedBy(root + ".task..")
                .layer("metrics").definedBy(root + ".metrics..")
                .layer("output").definedBy(root + ".output..")
                .layer("frontier").definedBy(root + ".frontier..")
                .layer("fetch").definedBy(root + ".fetch..")
                .layer("parse").definedBy(root + ".parse..")
                .layer("config").definedBy(root + ".config..")
                .layer("state").definedBy(root + ".state..")
                .layer("shard").definedBy(root + ".shard..")
                .layer("warc").definedBy(root + ".warc..")
                .layer("bus").definedBy(root + ".bus..")
                .layer("mode").definedBy(root + ".mode..")
                .layer("dashboard").definedBy(root + ".dashboard..")
                .layer("run").definedBy(root + ".run..")
                .layer("tools").definedBy(root + ".cli..", root + ".compare..", root + ".bench..", root + ".cluster..")
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("run").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("dashboard").mayOnlyBeAccessedByLayers("run", "tools")
                .whereLayer("dashboard").mayOnlyAccessLayers("task", "output", "metrics", "bus")
                .whereLayer("mode").mayOnlyBeAccessedByLayers("run", "tools")
                .whereLayer("bus").mayOnlyBeAccessedByLayers("mode", "dashboard", "run", "tools")
                .whereLayer("shard").mayOnlyBeAccessedByLayers("bus", "run", "tools")
                .whereLayer("shard").mayOnlyAccessLayers("url", "task", "frontier")
                .whereLayer("state").mayOnlyBeAccessedByLayers("run", "tools")
                .whereLayer("warc").mayOnlyBeAccessedByLayers("config", "run", "tools")
                .whereLayer("warc").mayOnlyAccessLayers("url", "task", "output")
                .whereLayer("config").mayOnlyBeAccessedByLayers("run", "tools")
                .whereLayer("config").mayOnlyAccessLayers("url", "task", "frontier", "fetch", "parse", "warc")
                .whereLayer("parse").mayOnlyBeAccessedByLayers("config", "mode", "run", "tools")
                .whereLayer("fetch").mayOnlyBeAccessedByLayers("config", "mode", "run", "tools")
                .whereLayer("frontier").mayOnlyBeAccessedByLayers("config", "state", "shard", "bus", "run", "tools")
                .whereLayer("output").mayOnlyBeAccessedByLayers("state", "warc", "dashboard", "run", "tools")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("output", "run", "tools")
                .whereLayer("task").mayOnlyBeAccessedByLayers("metrics", "output", "frontier", "fetch", "parse",
                        "config", "state", "warc", "shard", "bus", "mode", "dashboard", "run", "tools")
                .whereLayer("url").mayOnlyBeAccessedByLayers("task", "metrics", "output", "frontier", "fetch", "parse",
                        "config", "state", "warc", "shard", "bus", "mode", "run", "tools");
    }

    /** The crawl itself needs no command-line parser, no chart library and no fake sites: those are the tools'. */
    public static ArchRule coreWithoutTools(String root) {
        return noClasses().that().resideInAnyPackage(root + ".url..", root + ".task..", root + ".metrics..",
                        root + ".output..", root + ".frontier..", root + ".fetch..", root + ".parse..",
                        root + ".config..", root + ".state..", root + ".warc..", root + ".shard..", root + ".bus..",
                        root + ".mode..", root + ".dashboard..", root + ".run..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.knowm.xchart..",
                        "dev.crawlcase.sites..", root + ".cli..", root + ".compare..", root + ".bench..",
                        root + ".cluster..");
    }
}
