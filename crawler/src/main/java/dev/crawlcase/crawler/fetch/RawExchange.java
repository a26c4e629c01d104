package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchPhases;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One GET over one non-blocking {@link SocketChannel}, as a state machine: connecting, writing the request, reading
 * the response, done. {@link #step} does whatever the socket allows at this instant and returns at once: a
 * {@code finishConnect} that is not finished yet, a {@code write} that took no bytes and a {@code read} that found
 * none all return without waiting (the kernel says EAGAIN). Who calls {@code step} and when is the only difference
 * between the raw-socket modes: the poll loop calls it again and again, the selector loop when the kernel reports the
 * socket ready. Deadlines (connect, first byte, total) are checked on every step. Used by one thread.
 *
 * <p>One connection per request, closed at the end (the request says {@code Connection: close}): the ladder's rungs
 * are about waiting, and a pool of kept-alive sockets would hide the loop under bookkeeping.
 */
final class RawExchange {
    enum State { CONNECTING, WRITING, READING, DONE }

    private static final int MAX_READS_PER_STEP = 16;

    private final SocketChannel channel;
    private final RawResponseReader reader;
    private final Consumer<FetchResult> done;
    private final long startNanos;
    private final long connectDeadline;
    private final long firstByteDeadline;
    private final long totalDeadline;
    private ByteBuffer request;
    private State state = State.CONNECTING;
    /** When the connection was up and the first response byte arrived, on the loop's clock; -1 until then. */
    private long connectedNanos = -1;
    private long firstByteNanos = -1;

    private RawExchange(SocketChannel channel, RawResponseReader reader, long startNanos, FetchLimits limits,
                        Consumer<FetchResult> done) {
        this.channel = channel;
        this.reader = reader;
        this.done = done;
        this.startNanos = startNanos;
        this.connectDeadline = startNanos + TimeUnit.MILLISECONDS.toNanos(limits.connectTimeoutMs());
        this.firstByteDeadline = startNanos + TimeUnit.MILLISECONDS.toNanos(limits.firstByteTimeoutMs());
        this.totalDeadline = startNanos + TimeUnit.MILLISECONDS.toNanos(limits.totalTimeoutMs());
    }

    /**
     * Opens a non-blocking socket and starts connecting to {@code address}; {@code done} gets the result once,
     * on the thread that steps the exchange (or at once, when the connect fails at the start).
     */
    static RawExchange start(FetchTask task, FetchLimits limits, RawTarget target, long startNanos,
                             Consumer<FetchResult> done) {
        RawResponseReader reader = new RawResponseReader(task, limits);
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            RawExchange exchange = new RawExchange(channel, reader, startNanos, limits, done);
            exchange.request = reader.request(target.requestTarget(), target.hostHeader());
            if (channel.connect(target.address())) {
                exchange.state = State.WRITING;
                exchange.connectedNanos = System.nanoTime();
            }
            return exchange;
        } catch (IOException e) {
            RawExchange failed = new RawExchange(channel, reader, startNanos, limits, done);
            failed.finish(FetchResult.failure(FetchErrors.classify(e, false), failed.elapsedMs(startNanos)));
            return failed;
        }
    }

    State state() {
        return state;
    }

    SocketChannel channel() {
        return channel;
    }

    /** What a selector should wait for on this socket in the current state. */
    int interestOps() {
        return switch (state) {
            case CONNECTING -> SelectionKey.OP_CONNECT;
            case WRITING -> SelectionKey.OP_WRITE;
            case READING, DONE -> SelectionKey.OP_READ;
        };
    }

    /** The next instant at which this exchange times out unless it makes progress. */
    long deadlineNanos() {
        long next = totalDeadline;
        if (!reader.headReceived()) {
            next = Math.min(next, firstByteDeadline);
        }
        return state == State.CONNECTING ? Math.min(next, connectDeadline) : next;
    }

    /**
     * Tries the current state's operation once, without waiting, then checks the deadlines. True once the exchange
     * is over (its result delivered, its socket closed). {@code buffer} is the loop's scratch buffer for reads.
     */
    boolean step(ByteBuffer buffer, long nowNanos) {
        try {
            if (state == State.CONNECTING && channel.finishConnect()) {
                state = State.WRITING;
                connectedNanos = nowNanos;
            }
            if (state == State.WRITING) {
                channel.write(request);
                if (!request.hasRemaining()) {
                    state = State.READING;
                }
            }
            if (state == State.READING) {
                read(buffer, nowNanos);
            }
        } catch (IOException e) {
            finish(FetchResult.failure(FetchErrors.classify(e, reader.headReceived()), elapsedMs(nowNanos)));
        }
        if (state != State.DONE && nowNanos - deadlineNanos() >= 0) {
            finish(FetchResult.failure(expiredKind(nowNanos), elapsedMs(nowNanos)));
        }
        return state == State.DONE;
    }

    /** Ends the exchange from outside (the loop is closing). */
    void abort(long nowNanos) {
        if (state != State.DONE) {
            finish(FetchResult.failure(ErrorKind.IO, elapsedMs(nowNanos)));
        }
    }

    private void read(ByteBuffer buffer, long nowNanos) throws IOException {
        for (int i = 0; i < MAX_READS_PER_STEP && state == State.READING; i++) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n == 0) {
                return;
            }
            if (firstByteNanos < 0 && n > 0) {
                firstByteNanos = nowNanos;
            }
            FetchResult result = n < 0 ? reader.eof(elapsedMs(nowNanos)) : reader.feed(buffer.flip(), elapsedMs(nowNanos));
            if (result != null) {
                finish(result);
            }
        }
    }

    private ErrorKind expiredKind(long nowNanos) {
        if (state == State.CONNECTING && nowNanos - connectDeadline >= 0) {
            return ErrorKind.TIMEOUT_CONNECT;
        }
        return reader.headReceived() ? ErrorKind.TIMEOUT_TOTAL : ErrorKind.TIMEOUT_FIRST_BYTE;
    }

    private void finish(FetchResult result) {
        state = State.DONE;
        reader.release();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // the result is already known; a failed close of a finished request's socket changes nothing
        }
        done.accept(result.withPhases(new FetchPhases(phaseMs(connectedNanos), phaseMs(firstByteNanos))));
    }

    private double phaseMs(long atNanos) {
        return atNanos < 0 ? -1 : Math.max(0, atNanos - startNanos) / 1e6;
    }

    private long elapsedMs(long nowNanos) {
        return TimeUnit.NANOSECONDS.toMillis(Math.max(0, nowNanos - startNanos));
    }
}
