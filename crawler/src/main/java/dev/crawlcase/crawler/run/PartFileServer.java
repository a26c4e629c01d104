package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.file.OpenOptions;

import java.nio.file.Path;

/**
 * Serves a sealed part's records file to the node that merges the crawl's one records file, wherever that node
 * runs: a request carries an offset, the reply up to {@value #CHUNK} bytes from there (empty at the end). The file
 * is read with Vert.x's asynchronous file API, so no event loop waits on the disk.
 */
final class PartFileServer {
    static final int CHUNK = 1 << 20;

    private PartFileServer() {
    }

    /** Starts serving {@code file} as part {@code part}'s; unregister the consumer once the crawl is merged. */
    static Future<MessageConsumer<Long>> serve(Vertx vertx, CrawlAddresses crawl, int part, Path file) {
        MessageConsumer<Long> consumer = vertx.eventBus().consumer(crawl.partFile(part),
                (Message<Long> m) -> read(vertx, file, m.body()).onComplete(ar -> {
                    if (ar.succeeded()) {
                        m.reply(ar.result());
                    } else {
                        m.fail(1, "part " + part + " records file " + file + ": " + ar.cause().getMessage());
                    }
                }));
        return consumer.completion().map(consumer);
    }

    private static Future<Buffer> read(Vertx vertx, Path file, long offset) {
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true).setWrite(false)
                        .setCreate(false))
                .compose(f -> Closing.after(f.size().compose(size -> {
                    int length = (int) Math.max(0, Math.min(CHUNK, size - offset));
                    return length == 0 ? Future.succeededFuture(Buffer.buffer())
                            : f.read(Buffer.buffer(length), 0, offset, length);
                }), f::close));
    }
}
