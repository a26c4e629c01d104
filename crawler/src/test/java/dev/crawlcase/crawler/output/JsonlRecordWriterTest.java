package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.CrawlRecord;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.SmallDisk;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

class JsonlRecordWriterTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    private static CrawlRecord record(int i) {
        return new CrawlRecord("http://127.0.0.1/p/" + i, null, 200, i % 5, i * 10L, "text/html", "Page " + i,
                i % 7, i % 100, 1, Outcome.FETCHED, null, false, Mode.ASYNC);
    }

    /** Runs {@code steps} on an event loop, as the frontier writes its records, and waits for their end. */
    private static <T> T onEventLoop(Vertx vertx, Supplier<Future<T>> steps) {
        Promise<T> done = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> steps.get().onComplete(done));
        return await(done.future());
    }

    @Test
    void fileIsCompleteAfterClose() throws Exception {
        Vertx vertx = kit.vertx();
        Path file = dir.resolve("records.jsonl");
        List<CrawlRecord> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add(record(i));
        }
        onEventLoop(vertx, () -> JsonlRecordWriter.open(vertx, file)
                .compose(writer -> {
                    expected.forEach(writer::accept);
                    assertThat(writer.records()).isEqualTo(expected.size());
                    return writer.close();
                }));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.stream().map(CrawlRecordJson::fromLine).collect(Collectors.toList()))
                .isEqualTo(expected);
        assertThat(Files.size(file)).isGreaterThan(JsonlRecordWriter.BATCH_BYTES * 10L);
    }

    @Test
    void aFewRecordsReachTheFileWithoutCloseThanksToThePeriodicFlush() {
        Vertx vertx = kit.vertx();
        Path file = dir.resolve("partial.jsonl");
        Buffer flushed = onEventLoop(vertx, () -> JsonlRecordWriter.open(vertx, file).compose(writer -> {
            writer.accept(record(1));
            Promise<Buffer> firstContent = Promise.promise();
            vertx.setPeriodic(20, id -> vertx.fileSystem().readFile(file.toString()).onComplete(read -> {
                if (read.failed()) {
                    vertx.cancelTimer(id);
                    firstContent.tryFail(read.cause());
                } else if (read.result().length() > 0) {
                    vertx.cancelTimer(id);
                    firstContent.tryComplete(read.result());
                }
            }));
            return firstContent.future().compose(content -> writer.close().map(content));
        }));
        assertThat(CrawlRecordJson.fromLine(flushed.toString().trim())).isEqualTo(record(1));
    }

    @Test
    void acceptAfterCloseIsRejected() {
        Vertx vertx = kit.vertx();
        JsonlRecordWriter writer = await(JsonlRecordWriter.open(vertx, dir.resolve("closed.jsonl"))
                .compose(w -> w.close().map(w)));
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> writer.accept(record(1)));
    }

    @Test
    void aFullDiskFailsTheCloseAndLeavesOnlyCompleteLines() throws Exception {
        Vertx vertx = kit.vertx();
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small"), 200)) {
            Path file = disk.dir().resolve("records.jsonl");
            List<Throwable> stopSignal = new ArrayList<>();
            Throwable failure = onEventLoop(vertx, () -> JsonlRecordWriter.open(vertx, file).compose(writer -> {
                writer.failed().onFailure(stopSignal::add);
                for (int i = 0; i < 5_000; i++) {
                    writer.accept(record(i));
                }
                return writer.close().transform(ar -> Future.succeededFuture(ar.cause()));
            }));
            assertThat(failure).isInstanceOf(OutputFailure.class)
                    .hasMessage("records file " + file + ": cannot write (No space left on device)");
            assertThat(stopSignal).hasSize(1);
            String content = Files.readString(file);
            assertThat(content).isNotEmpty().endsWith("\n");
            List<CrawlRecord> kept = content.lines().map(CrawlRecordJson::fromLine).toList();
            assertThat(kept).hasSizeLessThan(5_000).isEqualTo(
                    java.util.stream.IntStream.range(0, kept.size()).mapToObj(JsonlRecordWriterTest::record).toList());
        }
    }

    @Test
    void aDeviceThatTakesNothingFailsTheClose() {
        Vertx vertx = kit.vertx();
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
        Throwable failure = onEventLoop(vertx, () -> JsonlRecordWriter.open(vertx, full).compose(writer -> {
            writer.accept(record(1));
            return writer.close().transform(ar -> Future.succeededFuture(ar.cause()));
        }));
        assertThat(failure).isInstanceOf(OutputFailure.class)
                .hasMessage("records file /dev/full: cannot write (No space left on device)");
    }

    @Test
    void aFileDeletedWhileOpenFailsTheClose() throws Exception {
        Vertx vertx = kit.vertx();
        Path file = dir.resolve("gone.jsonl");
        Throwable failure = onEventLoop(vertx, () -> JsonlRecordWriter.open(vertx, file).compose(writer -> {
            writer.accept(record(1));
            return writer.flush().compose(v -> vertx.fileSystem().delete(file.toString()))
                    .compose(v -> writer.close()).transform(ar -> Future.succeededFuture(ar.cause()));
        }));
        assertThat(failure).isInstanceOf(OutputFailure.class)
                .hasMessage("records file " + file + ": cannot write (the file was deleted during the crawl)");
    }
}
