package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.fetch.PollingFetcher;
import dev.crawlcase.crawler.fetch.SelectorFetcher;
import dev.crawlcase.crawler.fetch.SocketLoopFetcher;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.Future;

/**
 * The poll and selector modes: raw {@code java.nio} sockets driven by a hand-written loop on a thread of its own
 * ({@link PollingFetcher}: ask every socket again and again; {@link SelectorFetcher}: sleep in {@code select} until
 * the kernel says which socket is ready). This verticle only keeps C requests in flight through {@link FetchSlots},
 * on its event loop, and parses on a {@link ParsePool}, exactly as async mode does; the loop thread owns the
 * sockets, so no event loop ever waits on one.
 */
final class SocketLoopVerticle extends FetchVerticle {
    private final FetcherSettings settings;
    private final Mode mode;
    private SocketLoopFetcher fetcher;
    private ParsePool parsePool;

    SocketLoopVerticle(FetcherSettings settings, Mode mode) {
        this.settings = settings;
        this.mode = mode;
    }

    @Override
    public Future<?> start() throws Exception {
        fetcher = (mode == Mode.POLL ? new PollingFetcher(vertx, settings.limits())
                : new SelectorFetcher(vertx, settings.limits())).start();
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
