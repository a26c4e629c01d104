package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.bus.FrontierClient;
import dev.crawlcase.crawler.fetch.PollingFetcher;
import dev.crawlcase.crawler.fetch.SelectorFetcher;
import dev.crawlcase.crawler.fetch.IoUringFetcher;
import dev.crawlcase.crawler.fetch.LoopFetcher;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.Future;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

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
    private Archiving archiving;

    SocketLoopVerticle(FetcherSettings settings, Mode mode) {
        this.settings = settings;
        this.mode = mode;
    }

    @Override
    public Future<?> start() throws Exception {
        return fetcher().map(started -> {
            fetcher = started;
            parsePool = ParsePool.of(vertx, deploymentID(), settings.processor(mode));
            archiving = Archiving.of(vertx, settings.archive());
            FrontierClient client = new FrontierClient(vertx, settings.addresses(), settings.fetcherId());
            ended(new FetchSlots(vertx, client, settings.concurrency(), mode,
                    task -> fetcher.fetch(task)
                            .compose(result -> archiving.later(task, result))
                            .compose(result -> parsePool.process(task, result)))
                    .watchedBy(settings.slotWatch(vertx)).gatedBy(settings.acting()).run());
            return started;
        });
    }

    private Future<LoopFetcher> fetcher() throws IOException {
        return switch (mode) {
            case POLL -> Future.succeededFuture(new PollingFetcher(vertx, settings.limits()).start());
            case SELECTOR -> Future.succeededFuture(new SelectorFetcher(vertx, settings.limits()).start());
            // a Vert.x instance is built off every Vert.x thread (Vert.x warns when one is built on a context)
            case IO_URING -> Future.fromCompletionStage(CompletableFuture.supplyAsync(
                    () -> IoUringFetcher.start(settings.limits(), settings.concurrency())), context);
            default -> throw new IllegalArgumentException("not a loop-fetcher mode: " + mode);
        };
    }

    @Override
    public Future<?> stop() {
        return fetcher == null ? Future.succeededFuture()
                : fetcher.close().eventually(parsePool::close).eventually(archiving::close);
    }
}
