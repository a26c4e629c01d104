package dev.crawlcase.crawler.bench;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.OutputPaths;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench}: the performance scenarios (C10K, throughput, parse-bound, memory), each against fake sites in a
 * separate process and each crawl in a JVM of its own; prints a table per scenario and writes the results as JSON
 * and Markdown. Not part of the tests: the full run takes several minutes.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the performance benchmarks (C10K, throughput, parse-bound, memory) and write their results.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME", split = ",", defaultValue = "all",
            description = "c10k, throughput, parse, memory or all (default: ${DEFAULT-VALUE}); a comma list runs several.")
    List<String> scenarios;

    /** Each word goes through the one mode converter the crawler's command line registers. */
    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "Only these modes (default: every mode the JVM can run).")
    List<Mode> modes;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "Multiply page counts and concurrencies by F, 0 < F <= 1 (default: ${DEFAULT-VALUE}).")
    double scale;

    /** A trial run never overwrites the reference results: crawler/results/bench.json is written only when named. */
    static final String DEFAULT_OUT = "target/bench/bench.json";

    @Option(names = "--out", paramLabel = "FILE", defaultValue = DEFAULT_OUT,
            description = "Results JSON (default: ${DEFAULT-VALUE}; name crawler/results/bench.json to update the"
                    + " reference results); the Markdown tables go beside it as .md.")
    String outFlag;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Site configs, crawl configs, records and logs of each run (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--no-wrk", description = "Do not run (or install) wrk; the throughput ceiling is then missing.")
    boolean noWrk;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> chosen = scenarios(scenarios);
        List<Mode> chosenModes = modes == null || modes.isEmpty() ? List.of(Mode.values()) : modes;
        if (!(scale > 0 && scale <= 1)) {
            throw new ConfigException("--scale", "must be > 0 and <= 1, got " + scale);
        }
        Path out = OutputPaths.file("--out", OutputPaths.fileNamed("--out", outFlag));
        OutputPaths.file("--out", BenchReport.markdownPath(out));
        OutputPaths.folder("--work", work);
        PrintWriter log = spec.commandLine().getOut();
        BenchContext ctx = new BenchContext(log, work, scale, chosenModes, !noWrk);
        JsonObject context = context();
        log.println("crawlcase bench: " + String.join(", ", chosen) + "; " + context.getString("machine"));
        List<ScenarioResult> results = new ArrayList<>();
        for (String name : chosen) {
            ScenarioResult r = switch (name) {
                case "c10k" -> C10kScenario.run(ctx);
                case "throughput" -> ThroughputScenario.run(ctx);
                case "parse" -> ParseScenario.run(ctx);
                default -> MemoryScenario.run(ctx);
            };
            results.add(r);
            log.println();
            log.println(BenchTable.text(r));
            log.flush();
        }
        context.put("measuredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path md = BenchReport.write(out, results, context);
        log.println("results: " + out + " and " + md);
        return 0;
    }

    static List<String> scenarios(List<String> names) {
        List<String> chosen = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                BenchReport.ORDER.stream().filter(n -> !chosen.contains(n)).forEach(chosen::add);
            } else if (BenchReport.ORDER.contains(name)) {
                if (!chosen.contains(name)) {
                    chosen.add(name);
                }
            } else {
                throw new ConfigException("--scenario", "unknown scenario '" + raw + "' (expected one of "
                        + String.join(", ", BenchReport.ORDER) + ", all)");
            }
        }
        return chosen;
    }

    private JsonObject context() {
        long fds = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
                ? u.getMaxFileDescriptorCount() : -1;
        String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(totalMemoryGiB()) + " GiB, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), " + fds + " file descriptors";
        return new JsonObject().put("machine", machine)
                .put("command", "crawler " + String.join(" ", spec.commandLine().getParseResult().originalArgs()))
                .put("scale", scale);
    }

    private static double totalMemoryGiB() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() / (1024.0 * 1024 * 1024) : 0;
    }
}
