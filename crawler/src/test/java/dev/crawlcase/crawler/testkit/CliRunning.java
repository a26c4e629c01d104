package dev.crawlcase.crawler.testkit;

import dev.crawlcase.crawler.cli.CrawlerMain;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One command line run in-process on a thread of its own (several may run at once, as the nodes of a cluster),
 * whose output can be read while it runs: a run that does not end in time fails with what it printed so far.
 */
public final class CliRunning {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String name;
    private final CompletableFuture<Integer> code;

    private CliRunning(String name, String... args) {
        this.name = name;
        this.code = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                code.complete(CrawlerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true)));
            } catch (Throwable t) {
                code.completeExceptionally(t);
            }
        }, "cli-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts {@code args} now; {@code name} tells its output apart in a failure. */
    public static CliRunning start(String name, String... args) {
        return new CliRunning(name, args);
    }

    /** What it printed so far (standard output, then standard error). */
    public String printed() {
        return name + " out:\n" + out + "\n" + name + " err:\n" + err;
    }

    /**
     * Its end, waited for at most {@code boundS} seconds; on timeout an {@link AssertionError} with what every one
     * of {@code together} (the runs started with it) printed so far.
     */
    public CliRun await(long boundS, CliRunning... together) throws InterruptedException, ExecutionException {
        try {
            return new CliRun(code.get(boundS, TimeUnit.SECONDS), out.toString(), err.toString());
        } catch (TimeoutException e) {
            StringBuilder all = new StringBuilder(printed());
            for (CliRunning other : together) {
                if (other != this) {
                    all.append('\n').append(other.printed());
                }
            }
            throw new AssertionError(name + " did not end within " + boundS + " s; printed so far:\n" + all, e);
        }
    }
}
