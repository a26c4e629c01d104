package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.fetch.PollingFetcher;
import dev.crawlcase.crawler.fetch.SelectorFetcher;
import dev.crawlcase.crawler.fetch.IoUringFetcher;
import dev.crawlcase.crawler.fetch.LoopFetcher;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.Future;

/**
 * The modes whose sockets live on an I/O loop of the fetcher's own: poll and selector (raw {@code java.nio} sockets
 * driven by a hand-written loop on a thread of its own: {@link PollingFetcher} asks every socket again and again,
 * {@link SelectorFetcher} sleeps in {@code select} until the kernel says which socket is ready) and io-uring (the
 * async client on a Vert.x instance whose transport is io_uring, {@link IoUringFetcher}). This verticle only keeps C
 * requests in flight through {@link FetchSlots}, on its event loop, and parses on a {@link ParsePool}, exactly as
 * async mode does; the fetcher's loop owns the sockets, so the verticle's loop never waits on one.
 */
final class SocketLoopVerticle extends FetchVerticle {
    private final FetcherSettings settings;
    private final Mode mode;
    private LoopFetcher fetcher;
    private ParsePool parsePool;

    SocketLoopVerticle(FetcherSettings settings, Mode mode) {
        this.settings = settings;
        this.mode = mode;
    }

    @Override
    public Future<?> start() throws Exception {
        fetcher = switch (mode) {
            case POLL -> new PollingFetcher(vertx, settings.limits()).start();
            case SELECTOR -> new SelectorFetcher(vertx, settings.limits()).start();
            case IO_URING -> IoUringFetcher.start(settings.limits(), settings.concurrency());
            default -> throw new IllegalArgumentException("not a loop-fetcher mode: " + mode);
        };
        parsePool = ParsePool.of(vertx, deploymentID(), settings.processor(mode));
        FrontierClient client = new FrontierClient(vertx, settings.addresses(), settings.fetcherId());
        ended(new FetchSlots(vertx, client, settings.concurrency(), mode,
                task -> fetcher.fetch(task).compose(result -> parsePool.process(task, result)))
                .recordingInto(settings.timeline()).run());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return fetcher.close().eventually(parsePool::close);
    }
}
