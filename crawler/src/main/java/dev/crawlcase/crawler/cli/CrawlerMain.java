package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.bench.BenchCommand;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.crawler.output.OutputFailure;
import dev.crawlcase.crawler.state.StateException;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.sites.cli.SitesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * {@code java -jar crawler.jar <command>}: parses the command line and hands over to one subcommand. Bad input
 * (flags, config, URLs) ends with one line on stderr and exit code 2; nothing here prints a stack trace.
 */
@Command(name = "crawler", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "crawlcase: one crawl pipeline, the I/O ladder as fetch modes (sequential, processes, thread-pool, "
                + "poll, selector, async, virtual, io-uring).",
        subcommands = {BenchCommand.class, ClusterCommand.class, CompareCommand.class, RunCommand.class,
            SitesCommand.class})
public final class CrawlerMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line in-process (tests use this with captured writers). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new CrawlerMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(Mode.class, new ModeConverter());
        cli.registerConverter(RecordDetail.class, value -> ModeConverter.parsed(value, RecordDetail::parse));
        // every command answers --version with the build's version, not only the top level
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        // and --help ends with the exit codes, on every command
        Stream.concat(Stream.of(cli), cli.getSubcommands().values().stream())
                .forEach(c -> c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                        .exitCodeList(ExitCode.described()));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("crawler: " + problem(ex));
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof StateException stateProblem) {
                err.println("crawler: " + StateFlags.worded(stateProblem).getMessage());
                return ExitCode.BAD_INPUT;
            }
            OutputFailure output = outputFailure(ex);
            if (output != null) {
                err.println("crawler: " + output.getMessage());
                return ExitCode.OUTPUT_FAILED;
            }
            if (isBadInput(ex)) {
                err.println("crawler: " + ex.getMessage());
                return ExitCode.BAD_INPUT;
            }
            err.println("crawler: failed: " + failure(ex));
            return ExitCode.FAILED;
        });
        return cli.execute(args);
    }

    /**
     * What failed, in one line: the future's wrappers (whose message is only their cause's class and message) taken
     * off, and an I/O failure by its own words; anything else with its class, which says what kind of bug it is.
     */
    static String failure(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof CompletionException
                || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        boolean io = t instanceof IOException || t instanceof UncheckedIOException;
        return io && t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /** A refusal of one of our converters reads "--flag: problem", like the checks after parsing; picocli's as is. */
    static String problem(ParameterException ex) {
        if (ex.getCause() instanceof BadFlagValue bad && ex.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + ": " + bad.getMessage();
        }
        String suggestion = ex instanceof UnmatchedArgumentException unmatched ? Suggestion.of(unmatched) : "";
        return ex.getMessage() + suggestion + " (see --help)";
    }

    /** The output failure behind {@code ex} (a crawl's future wraps it in a CompletionException), or null. */
    static OutputFailure outputFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutputFailure f) {
                return f;
            }
        }
        return null;
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof ConfigException;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
