package dev.crawlcase.crawler.fetch;

import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Non-blocking I/O without readiness notification (Stevens' model 2), on purpose: one thread, every socket in
 * non-blocking mode, and no selector. The loop asks each open socket in turn whether it can connect, write or read
 * ({@link RawExchange#step}); each call returns at once, usually with nothing done (EAGAIN), and the loop asks again,
 * at full speed, until something is ready. It overlaps the waits of many requests like an event loop does, and
 * burns a whole core for as long as any socket is open, because nothing tells it when to look. At one request in
 * flight it is the classic busy-polling crawler: no faster than blocking, one core busy. Hand-written for the case
 * study; a real program would never do this, which is what the rung shows.
 *
 * <p>With nothing in flight the thread parks until a request arrives (waiting for work is not what the rung is
 * about, waiting for sockets is).
 */
public final class PollingFetcher extends SocketLoopFetcher {
    private final List<RawExchange> open = new ArrayList<>();
    private volatile Thread loopThread;

    public PollingFetcher(Vertx vertx, FetchLimits limits) {
        super(vertx, limits, "crawlcase-poll-loop");
    }

    @Override
    protected void loop() {
        loopThread = Thread.currentThread();
        while (!closing()) {
            for (Submitted s = nextSubmitted(); s != null; s = nextSubmitted()) {
                open.add(startExchange(s));
            }
            if (open.isEmpty()) {
                LockSupport.park(this);  // no socket to ask: wait for work, see the class comment
                continue;
            }
            long now = System.nanoTime();
            // the whole model in one line: ask every socket, ready or not, and drop the finished ones
            open.removeIf(exchange -> exchange.state() == RawExchange.State.DONE || exchange.step(readBuffer, now));
        }
    }

    @Override
    protected void wakeUp() {
        Thread t = loopThread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    protected void abortAll(long nowNanos) {
        open.forEach(exchange -> exchange.abort(nowNanos));
        open.clear();
    }
}
