package dev.crawlcase.crawler.output;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.nio.file.Path;

/** Writes the run summary as pretty-printed JSON, without blocking the caller. */
public final class SummaryWriter {

    private SummaryWriter() {
    }

    public static Future<Void> write(Vertx vertx, Path file, RunSummary summary) {
        return vertx.fileSystem().writeFile(file.toString(), Buffer.buffer(summary.toJson().encodePrettily() + "\n"));
    }
}
