package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the raw-socket fetchers share: one dedicated platform thread that owns every socket, a queue through which
 * callers hand it requests, and the way results go back to each caller's Vert.x context. The thread runs
 * {@link #loop}, which is all a subclass writes: how it learns that a socket is ready. Sockets, the parser and the
 * deadlines live on that thread only; no event loop ever touches a socket here. Plain {@code http} only: TLS over a
 * raw channel would bury the loop the rung is about.
 */
public abstract class SocketLoopFetcher implements LoopFetcher {
    /** One request handed to the loop thread. */
    protected record Submitted(FetchTask task, RawTarget target, long startNanos, Context context,
                               Promise<FetchResult> promise) {
    }

    private final Vertx vertx;
    private final FetchLimits limits;
    private final Queue<Submitted> submitted = new ConcurrentLinkedQueue<>();
    private final Promise<Void> stopped = Promise.promise();
    private final Thread thread;
    /** The loop's read buffer, reused for every socket (one thread, one read at a time). */
    protected final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 << 10);
    private volatile boolean closing;

    protected SocketLoopFetcher(Vertx vertx, FetchLimits limits, String threadName) {
        this.vertx = vertx;
        this.limits = limits;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /** Starts the loop thread. */
    public final SocketLoopFetcher start() {
        thread.start();
        return this;
    }

    @Override
    public final Future<FetchResult> fetch(FetchTask task) {
        long start = System.nanoTime();
        ErrorKind refused = LoopbackGuard.check(task.url(), limits.allowRemote());
        if (refused == null && !"http".equalsIgnoreCase(URI.create(task.url()).getScheme())) {
            refused = ErrorKind.PROTOCOL;  // plain http only, see the class comment
        }
        if (refused != null) {
            return Future.succeededFuture(FetchResult.failure(refused, elapsedMs(start)));
        }
        Context context = vertx.getOrCreateContext();
        Future<RawTarget> target = RawTarget.needsLookup(task.url())
                ? vertx.executeBlocking(() -> RawTarget.resolve(task.url()), false)
                : Future.future(p -> p.complete(resolveLiteral(task.url())));
        return target.compose(t -> {
            Promise<FetchResult> promise = Promise.promise();
            submitted.add(new Submitted(task, t, start, context, promise));
            if (stopped.future().isComplete()) {
                failLeft();  // the loop is gone: nobody else will take it
            }
            wakeUp();
            return promise.future();
        }, error -> Future.succeededFuture(FetchResult.failure(FetchErrors.classify(error, false), elapsedMs(start))));
    }

    /** Stops the loop: requests still open end as {@code io} failures; completes when the thread is gone. */
    @Override
    public final Future<Void> close() {
        closing = true;
        wakeUp();
        return stopped.future();
    }

    /**
     * The loop: until {@link #closing()}, take new requests with {@link #nextSubmitted}, start each with
     * {@link #startExchange}, and step every open exchange when its socket can make progress.
     */
    protected abstract void loop() throws IOException;

    /** Makes a loop that may be waiting notice a new request or the close. */
    protected abstract void wakeUp();

    /** Aborts whatever exchanges the loop still holds (called on the loop thread once {@link #loop} returns). */
    protected abstract void abortAll(long nowNanos);

    protected final boolean closing() {
        return closing;
    }

    protected final Submitted nextSubmitted() {
        return submitted.poll();
    }

    /** Starts the request's exchange; its result goes back to the caller's context when it ends. */
    protected final RawExchange startExchange(Submitted s) {
        return RawExchange.start(s.task(), limits, s.target(), s.startNanos(),
                result -> s.context().runOnContext(v -> s.promise().complete(result)));
    }

    private void run() {
        try {
            loop();
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(getClass()).error("socket loop failed; its requests fail as io", e);
        } finally {
            long now = System.nanoTime();
            closing = true;
            abortAll(now);
            stopped.complete();
            failLeft();
        }
    }

    private void failLeft() {
        for (Submitted s = submitted.poll(); s != null; s = submitted.poll()) {
            Submitted left = s;
            left.context().runOnContext(v -> left.promise().complete(FetchResult.failure(ErrorKind.IO, 0)));
        }
    }

    private static RawTarget resolveLiteral(String url) {
        try {
            return RawTarget.resolve(url);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("a literal or loopback name did not parse: " + url, e);
        }
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
