package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;

import java.util.Optional;

/**
 * Asynchronous I/O (Stevens' model 5): the async mode's client, {@link AsyncFetcher}, on a Vert.x instance of its
 * own whose transport is Netty's io_uring. Under epoll (the default transport, and the async mode's) the kernel says
 * a socket is ready and the event loop then calls {@code read}, which copies the bytes; under io_uring the event
 * loop puts the reads and writes themselves in a submission queue, the kernel performs them, and the loop only
 * collects completions. The crawl's own Vert.x keeps its transport (the frontier, the event bus, the verticle's
 * loop); the fetcher runs each attempt on one of this instance's loops and hands its result back on the caller's
 * context.
 */
public final class IoUringFetcher implements LoopFetcher {
    private final Vertx ioVertx;
    private final AsyncFetcher fetcher;

    private IoUringFetcher(Vertx ioVertx, FetchLimits limits, int maxConnections) {
        this.ioVertx = ioVertx;
        this.fetcher = new AsyncFetcher(ioVertx, limits, maxConnections);
    }

    /** Empty when this JVM and kernel can run Netty's io_uring transport, else one line saying why not. */
    public static Optional<String> unavailableReason() {
        if (Transport.IO_URING.available()) {
            return Optional.empty();
        }
        Throwable cause = Transport.IO_URING.unavailabilityCause();
        String why = cause == null ? "unknown reason" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return Optional.of("mode 'io-uring' needs Linux io_uring through Netty's native transport (Linux x86-64, "
                + "io_uring not disabled by the kernel or a seccomp filter); not available here: "
                + why.replaceAll("\\s+", " "));
    }

    /** A fetcher on a new io_uring Vert.x instance (one event loop per core); fails if io_uring is unavailable. */
    public static IoUringFetcher start(FetchLimits limits, int maxConnections) {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        Vertx ioVertx = Vertx.builder().with(new VertxOptions()
                        .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()).setWorkerPoolSize(1))
                .withTransport(Transport.IO_URING).build();
        if (!ioVertx.isNativeTransportEnabled()) {
            // Vert.x falls back to NIO quietly when a transport cannot start: a run on NIO would be mislabelled
            ioVertx.close();
            throw new IllegalStateException("mode 'io-uring': Vert.x could not start on io_uring");
        }
        return new IoUringFetcher(ioVertx, limits, maxConnections);
    }

    @Override
    public Future<FetchResult> fetch(FetchTask task) {
        return fetcher.fetch(task);
    }

    @Override
    public Future<Void> close() {
        return fetcher.close().eventually(ioVertx::close);
    }
}
