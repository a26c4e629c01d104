package dev.crawlcase.crawler.output;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import dev.crawlcase.json.OutputPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes the run summary as pretty-printed JSON on a worker thread, never blocking the caller, whole or not at all
 * ({@link OutputPaths#writeWhole}: a full disk leaves the old one, or none, never half of one). Every failure is an
 * {@link OutputFailure}.
 */
public final class SummaryWriter {

    private SummaryWriter() {
    }

    public static Future<Void> write(Vertx vertx, Path file, RunSummary summary) {
        return write(vertx, file, summary.toJson());
    }

    /** A summary with more than {@link RunSummary} holds (a sharded crawl's part sections). */
    public static Future<Void> write(Vertx vertx, Path file, JsonObject summary) {
        byte[] json = (summary.encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8);
        return vertx.<Void>executeBlocking(() -> {
            OutputPaths.writeWhole(file, json);
            return null;
        }).recover(e -> Future.failedFuture(new OutputFailure("summary file", file, e, null)));
    }
}
