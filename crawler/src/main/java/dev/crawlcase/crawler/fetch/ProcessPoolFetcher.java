package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.ResponseCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The process pool: N {@link FetchWorker} JVMs, each a sequential blocking fetcher with its own memory, started once
 * ({@link #startOne}, which the mode calls N times before its first lease). {@link #fetch} blocks its caller (one
 * of the mode's N worker threads) while an idle worker fetches the task. A worker that dies or hangs fails its task
 * as a retryable {@code io} error and is replaced by the next fetch that finds no idle worker. {@link #close} ends
 * them all (their stdin closes; they exit).
 */
public final class ProcessPoolFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessPoolFetcher.class);
    /** How long a worker JVM may take to start and build its client on a loaded machine. */
    private static final long START_MS = 60_000;
    /** Beyond the total timeout the worker applies itself: a worker that takes longer is stuck, not slow. */
    private static final long HANG_MARGIN_MS = 10_000;
    private static final long CLOSE_GRACE_MS = 2_000;

    private final FetchLimits limits;
    private final String limitsLine;
    private final List<String> command;
    private final WorkerShelf shelf;
    /** The crawl's one jar when it keeps cookies: workers come and go, and any of them may fetch the next page. */
    private final CookieJar cookies;
    private final ConcurrentLinkedQueue<WorkerProcess> idle = new ConcurrentLinkedQueue<>();
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ProcessPoolFetcher(FetchLimits limits) {
        this(limits, workerCommand(), WorkerShelf.configured());
    }

    /** @param command how to start one worker (a test may add JVM options) */
    ProcessPoolFetcher(FetchLimits limits, List<String> command) {
        this(limits, command, WorkerShelf.NONE);
    }

    /** @param shelf where idle workers are left at the end and taken from at the start ({@link WorkerShelf}) */
    ProcessPoolFetcher(FetchLimits limits, List<String> command, WorkerShelf shelf) {
        this.limits = limits;
        this.limitsLine = WorkerLines.limits(limits);
        this.command = List.copyOf(command);
        this.shelf = shelf;
        this.cookies = limits.request().cookies() ? new CookieJar() : null;
    }

    /**
     * This JVM's java and class path running {@link FetchWorker}: a small heap and the quick-starting JIT tier,
     * since a worker waits on the network far more than it computes. The worker's stdout is the protocol's pipe, so
     * the JVM's own warnings, which it prints on stdout by default, go to stderr; and it keeps no perf-data file, whose
     * name is its pid: a stale one left by an earlier process with the same pid made the JVM warn before "ready".
     */
    static List<String> workerCommand() {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xlog:disable",
                "-Xlog:all=warning:stderr:uptime,level,tags"));
        if (Runtime.version().feature() >= 22) {
            // brotli's native decoder is loaded with System.load; from JDK 24 that warns unless native access is on
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FetchWorker.class.getName()));
        return command;
    }

    /** Starts one worker and waits until it is ready, so a crawl whose workers cannot start fails before it leases. */
    public void startOne() {
        try {
            idle.add(launch());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a fetch worker process: " + e.getMessage(), e);
        }
    }

    /** GETs {@code task.url()} once in a worker process; never throws, every failure is an error kind. */
    public FetchResult fetch(FetchTask task) {
        long start = System.nanoTime();
        WorkerProcess worker = idle.poll();
        try {
            if (worker == null) {
                worker = launch();
            }
            URI uri = URI.create(task.url());
            String cookie = cookies == null ? null : cookies.cookieHeader(uri);
            FetchResult result = worker.fetch(new WorkerLines.Job(task, cookie), limits.totalTimeoutMs()
                    + HANG_MARGIN_MS);
            release(worker);
            if (cookies != null) {
                cookies.store(uri, Map.of("Set-Cookie", result.capture().headers().stream()
                        .filter(h -> h.name().equalsIgnoreCase("Set-Cookie")).map(ResponseCapture.Header::value)
                        .toList()));
            }
            return result;
        } catch (IOException | RuntimeException e) {
            LOG.warn("fetch of {} failed in its worker process; the worker is replaced: {}", task.url(),
                    e.getMessage());
            if (worker != null) {
                live.remove(worker);
                worker.kill();
            }
            return FetchResult.failure(ErrorKind.IO, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The process ids of the workers alive now. */
    public List<Long> pids() {
        return live.stream().map(WorkerProcess::pid).toList();
    }

    private WorkerProcess launch() throws IOException {
        if (closed) {
            throw new IOException("the process pool is closed");
        }
        WorkerProcess kept = shelf.take(limitsLine);
        WorkerProcess worker = kept != null ? kept : WorkerProcess.start(command, limitsLine, START_MS);
        live.add(worker);
        if (closed) {
            // closed while this one started: it would outlive the crawl
            live.remove(worker);
            worker.close(CLOSE_GRACE_MS);
            throw new IOException("the process pool is closed");
        }
        return worker;
    }

    private void release(WorkerProcess worker) {
        idle.add(worker);
        if (closed && idle.remove(worker)) {
            live.remove(worker);
            worker.close(CLOSE_GRACE_MS);
        }
    }

    /**
     * Ends every worker: idle ones at once (or leaves them on the shelf, when this JVM keeps one: {@link WorkerShelf}),
     * busy ones once their task is done (or killed after a grace time).
     */
    @Override
    public void close() {
        closed = true;
        for (WorkerProcess worker : List.copyOf(live)) {
            live.remove(worker);
            WorkerProcess ending = idle.remove(worker) ? shelf.put(limitsLine, worker) : worker;
            if (ending != null) {
                ending.close(CLOSE_GRACE_MS);
            }
        }
    }
}
