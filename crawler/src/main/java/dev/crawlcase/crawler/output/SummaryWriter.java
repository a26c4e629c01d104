package dev.crawlcase.crawler.output;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the run summary as pretty-printed JSON on a worker thread, never blocking the caller. The folder is
 * created; the JSON goes to a scratch file beside it, is synced, and only then replaces the summary, so a summary
 * on disk is whole (a full disk leaves the old one, or none, never half of one). Every failure is an
 * {@link OutputFailure}.
 */
public final class SummaryWriter {

    private SummaryWriter() {
    }

    public static Future<Void> write(Vertx vertx, Path file, RunSummary summary) {
        byte[] json = (summary.toJson().encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8);
        return vertx.<Void>executeBlocking(() -> {
            writeWhole(file, json);
            return null;
        }).recover(e -> Future.failedFuture(new OutputFailure("summary file", file, e, null)));
    }

    static void writeWhole(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // a device or pipe (/dev/stdout, /dev/full) cannot be replaced or synced: write into it as it is
            writeSynced(target, bytes, false, StandardOpenOption.WRITE);
            return;
        }
        Path scratch = target.resolveSibling(target.getFileName() + ".part");
        try {
            writeSynced(scratch, bytes, true, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(scratch, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static void writeSynced(Path file, byte[] bytes, boolean sync, StandardOpenOption... options)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, options)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (sync) {
                ch.force(true);
            }
        }
    }
}
