package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.FetchResult;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The parent's end of one {@link FetchWorker}: its pipes, used by one thread at a time. {@link #fetch} blocks the
 * calling thread (a worker thread, never an event loop) until the result line arrives. A worker that dies, or
 * answers nothing within the watchdog's time, throws {@link IOException}: the caller reports the task as failed
 * and forgets this worker.
 */
final class WorkerProcess {
    private final Process process;
    private final Writer toWorker;
    private final BufferedReader fromWorker;

    /**
     * Kills a worker that answers nothing in time. One for the JVM, never shut down: a worker may outlive the pool
     * that started it ({@link WorkerShelf}), and its next pool still needs it watched.
     */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "crawlcase-worker-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private WorkerProcess(Process process) {
        this.process = process;
        this.toWorker = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.fromWorker = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts the worker and waits (at most {@code startMs}) until it has its limits ({@link WorkerLines#limits}) and
     * says it is ready.
     */
    static WorkerProcess start(List<String> command, String limitsLine, long startMs) throws IOException {
        // the worker's stderr is the crawler's: a worker's own failure is seen where the crawl's are
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        WorkerProcess worker = new WorkerProcess(process);
        String answer = worker.exchange(limitsLine, startMs);
        if (!WorkerLines.READY.equals(answer)) {
            worker.kill();
            throw new IOException("fetch worker answered \"" + answer + "\" instead of \"" + WorkerLines.READY + "\"");
        }
        return worker;
    }

    /** One task, one result; a worker that hangs past {@code limitMs} is killed, which ends the wait. */
    FetchResult fetch(WorkerLines.Job job, long limitMs) throws IOException {
        return WorkerLines.result(exchange(WorkerLines.job(job), limitMs));
    }

    private String exchange(String line, long limitMs) throws IOException {
        ScheduledFuture<?> timer = WATCHDOG.schedule(process::destroyForcibly, limitMs, TimeUnit.MILLISECONDS);
        try {
            toWorker.write(line);
            toWorker.write('\n');
            toWorker.flush();
            String answer = fromWorker.readLine();
            if (answer == null) {
                throw new IOException("fetch worker " + process.pid() + " ended" + (timer.isDone()
                        ? " (killed: no answer within " + limitMs + " ms)"
                        : process.isAlive() ? "" : " (exit code " + process.waitFor() + ")"));
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetch worker " + process.pid() + " ended", e);
        } finally {
            timer.cancel(false);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /**
     * Closes the worker's stdin, which ends it once its task is done; one that has not gone after {@code graceMs}
     * is killed.
     */
    void close(long graceMs) {
        try {
            toWorker.close();
        } catch (IOException e) {
            // the pipe is already broken: the worker is gone or going, and is killed below if not
            kill();
        }
        process.onExit().orTimeout(graceMs, TimeUnit.MILLISECONDS).exceptionally(timedOut -> {
            kill();
            return process;
        });
    }

    void kill() {
        process.destroyForcibly();
    }
}
