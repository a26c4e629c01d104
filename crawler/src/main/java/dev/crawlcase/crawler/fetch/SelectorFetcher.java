package dev.crawlcase.crawler.fetch;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * I/O multiplexing by hand (Stevens' model 3): one thread, one {@link Selector} (epoll on Linux), every socket
 * registered with the one operation its request waits for, and a callback per ready socket. The thread sleeps in
 * {@code select} until the kernel reports a socket ready or the nearest deadline comes, then steps exactly the ready
 * exchanges ({@link RawExchange#step}) and registers the next operation each one waits for. This is the loop under
 * Netty, Vert.x and every event-loop framework, written out for the case study (the documents' "selector with
 * callbacks" rung), so that the async mode's machinery can be seen in plain Java.
 */
public final class SelectorFetcher extends SocketLoopFetcher {
    private final Selector selector;

    public SelectorFetcher(Vertx vertx, FetchLimits limits) throws IOException {
        super(vertx, limits, "crawlcase-selector-loop");
        this.selector = Selector.open();
    }

    @Override
    protected void loop() throws IOException {
        while (!closing()) {
            selector.select(waitMs(System.nanoTime()));
            for (Submitted s = nextSubmitted(); s != null; s = nextSubmitted()) {
                register(startExchange(s));
            }
            long now = System.nanoTime();
            Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
            while (ready.hasNext()) {
                SelectionKey key = ready.next();
                ready.remove();
                callback(key, now);
            }
            for (SelectionKey key : selector.keys()) {
                if (key.isValid() && now - ((RawExchange) key.attachment()).deadlineNanos() >= 0) {
                    callback(key, now);  // its deadline passed: the step ends it with the timeout's kind
                }
            }
        }
    }

    /** The callback of a ready socket: one step, then wait for whatever the exchange needs next. */
    private void callback(SelectionKey key, long now) {
        RawExchange exchange = (RawExchange) key.attachment();
        if (exchange.step(readBuffer, now)) {
            key.cancel();
        } else {
            key.interestOps(exchange.interestOps());
        }
    }

    private void register(RawExchange exchange) throws ClosedChannelException {
        if (exchange.state() != RawExchange.State.DONE) {
            exchange.channel().register(selector, exchange.interestOps(), exchange);
        }
    }

    /** Until the nearest deadline (at least 1 ms), or forever (0) when nothing is open. */
    private long waitMs(long now) {
        long nearest = Long.MAX_VALUE;
        for (SelectionKey key : selector.keys()) {
            if (key.isValid()) {
                nearest = Math.min(nearest, ((RawExchange) key.attachment()).deadlineNanos() - now);
            }
        }
        return nearest == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nearest) + 1);
    }

    @Override
    protected void wakeUp() {
        selector.wakeup();
    }

    @Override
    protected void abortAll(long nowNanos) {
        if (selector.isOpen()) {
            for (SelectionKey key : selector.keys()) {
                ((RawExchange) key.attachment()).abort(nowNanos);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // every socket is closed already; the selector's own descriptor is all that could leak
        }
    }
}
