package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.fetch.BlockingFetcher;
import dev.crawlcase.crawler.fetch.IoUringFetcher;
import dev.crawlcase.crawler.fetch.RequestControls;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;

import java.util.Optional;

/** Which verticle runs each {@link Mode}, and on which threading model Vert.x deploys it. */
public final class ModeVerticles {
    private ModeVerticles() {
    }

    public static FetchVerticle create(Mode mode, FetcherSettings settings) {
        return switch (mode) {
            case SEQUENTIAL -> new SequentialVerticle(settings);
            case PROCESSES -> new ProcessPoolVerticle(settings);
            case THREAD_POOL -> new ThreadPoolVerticle(settings);
            case POLL, SELECTOR, IO_URING -> new SocketLoopVerticle(settings, mode);
            case ASYNC -> new AsyncVerticle(settings);
            case VIRTUAL -> new VirtualVerticle(settings);
        };
    }

    /**
     * Empty when this JVM (and, for io-uring, this kernel) can run {@code mode}, else one line saying why not: the
     * check every command and test makes before it runs a mode.
     */
    /**
     * Whether the mode speaks plain HTTP/1.1 only: poll and selector are hand-written rungs of the I/O ladder over
     * raw sockets, with no TLS, no HTTP/2 and no content coding (they ask for none, so servers send none).
     */
    public static boolean plainHttp11Only(Mode mode) {
        return mode == Mode.POLL || mode == Mode.SELECTOR;
    }

    /**
     * Whether the mode can keep a WARC copy of what it fetched: poll and selector read HTTP with a hand-written
     * loop over Netty's codec and keep no raw capture of request and response, so they cannot yet; processes
     * fetches in other JVMs, whose results cross the pipe without their capture.
     */
    public static boolean archives(Mode mode) {
        return mode != Mode.POLL && mode != Mode.SELECTOR && mode != Mode.PROCESSES;
    }

    /**
     * Why {@code mode} cannot make a crawl's requests the way {@code controls} ask, if it cannot, in one line naming
     * the mode: sequential, thread-pool and the processes mode's workers fetch with the JDK's client, which has no
     * SOCKS.
     */
    public static Optional<String> refusedControls(Mode mode, RequestControls controls) {
        boolean jdkClient = mode == Mode.SEQUENTIAL || mode == Mode.THREAD_POOL || mode == Mode.PROCESSES;
        return jdkClient ? BlockingFetcher.unsupported(controls).map(reason -> mode.label() + " mode: " + reason)
                : Optional.empty();
    }

    public static Optional<String> unavailableReason(Mode mode) {
        return mode.unavailableReason().or(() -> mode == Mode.IO_URING ? IoUringFetcher.unavailableReason()
                : Optional.empty());
    }

    public static DeploymentOptions deploymentOptions(Mode mode) {
        return new DeploymentOptions().setThreadingModel(
                mode == Mode.VIRTUAL ? ThreadingModel.VIRTUAL_THREAD : ThreadingModel.EVENT_LOOP);
    }
}
