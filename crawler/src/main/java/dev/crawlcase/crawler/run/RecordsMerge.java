package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.output.CrawlRecordJson;
import dev.crawlcase.crawler.output.OutputFailure;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.RecordSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a sharded crawl's one records file from its sealed parts' files, part after part, fetched in chunks from
 * whichever node holds each part ({@link PartFileServer}); a part whose node is gone is asked again until a node
 * that took it over serves it. The file is written beside its place and moved there whole, so a merge cut short
 * leaves the old file or none, never half of one; every record also goes to {@code stats}.
 */
final class RecordsMerge {
    private static final long REQUEST_TIMEOUT_MS = 30_000;
    private static final long RETRY_MS = 1_000;

    private final Vertx vertx;
    private final CrawlAddresses crawl;
    private final RecordSink stats;

    RecordsMerge(Vertx vertx, CrawlAddresses crawl, RecordSink stats) {
        this.vertx = vertx;
        this.crawl = crawl;
        this.stats = stats;
    }

    /** Merges parts 0..parts-1 into {@code target}. */
    Future<Void> merge(int parts, Path target) {
        Path scratch = target.resolveSibling(target.getFileName() + ".merging");
        return vertx.fileSystem().open(scratch.toString(), new OpenOptions().setWrite(true).setCreate(true)
                        .setTruncateExisting(true))
                .compose(file -> Closing.after(copyFrom(0, parts, file).compose(v -> file.flush()), file::close))
                .compose(v -> vertx.fileSystem().move(scratch.toString(), target.toString(),
                        new CopyOptions().setReplaceExisting(true).setAtomicMove(true)))
                .recover(e -> Future.failedFuture(new OutputFailure("records file", target, e, null)));
    }

    private Future<Void> copyFrom(int part, int parts, AsyncFile file) {
        if (part == parts) {
            return Future.succeededFuture();
        }
        return copyPart(part, 0, Buffer.buffer(), file).compose(v -> copyFrom(part + 1, parts, file));
    }

    private Future<Void> copyPart(int part, long offset, Buffer partial, AsyncFile file) {
        return chunk(part, offset).compose(chunk -> {
            if (chunk.length() == 0) {
                return Future.succeededFuture();
            }
            Buffer rest = count(partial.appendBuffer(chunk));
            return file.write(chunk).compose(v -> copyPart(part, offset + chunk.length(), rest, file));
        });
    }

    /** The chunk at {@code offset} of part {@code part}'s file, asked again until a node serves it. */
    private Future<Buffer> chunk(int part, long offset) {
        return vertx.eventBus().<Buffer>request(crawl.partFile(part), offset,
                        new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS))
                .map(m -> m.body())
                .recover(e -> {
                    Promise<Void> later = Promise.promise();
                    vertx.setTimer(RETRY_MS, id -> later.complete());
                    return later.future().compose(v -> chunk(part, offset));
                });
    }

    /**
     * Counts the complete lines of {@code bytes}; the bytes of a line cut at the end, for the next chunk. Lines are
     * cut at the newline byte, which no UTF-8 sequence contains, so a character split between chunks stays whole.
     */
    private Buffer count(Buffer bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length(); i++) {
            if (bytes.getByte(i) == '\n') {
                if (i > start) {
                    stats.accept(CrawlRecordJson.fromJson(new JsonObject(bytes.getString(start, i,
                            StandardCharsets.UTF_8.name()))));
                }
                start = i + 1;
            }
        }
        return bytes.getBuffer(start, bytes.length());
    }
}
