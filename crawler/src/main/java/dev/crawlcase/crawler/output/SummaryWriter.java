package dev.crawlcase.crawler.output;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/** Writes a summary JSON file (pretty-printed) without blocking the caller's event loop. */
public final class SummaryWriter {
    private SummaryWriter() {
    }

    public static Future<Void> write(Vertx vertx, Path path, JsonObject summary) {
        Path parent = path.toAbsolutePath().getParent();
        return vertx.fileSystem().mkdirs(parent.toString())
                .compose(v -> vertx.fileSystem().writeFile(path.toString(), Buffer.buffer(summary.encodePrettily() + "\n")));
    }
}
