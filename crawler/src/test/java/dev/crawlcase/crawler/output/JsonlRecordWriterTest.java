package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.CrawlRecord;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class JsonlRecordWriterTest {

    @TempDir
    Path dir;

    private static CrawlRecord record(int i) {
        return new CrawlRecord("http://127.0.0.1/p/" + i, null, 200, i % 5, i * 10L, "text/html", "Page " + i,
                i % 7, i % 100, 1, Outcome.FETCHED, null, false, Mode.ASYNC);
    }

    @Test
    void fileIsCompleteAfterClose(Vertx vertx, VertxTestContext test) {
        Path file = dir.resolve("records.jsonl");
        List<CrawlRecord> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add(record(i));
        }
        Context eventLoop = vertx.getOrCreateContext();
        eventLoop.runOnContext(v -> JsonlRecordWriter.open(vertx, file)
                .compose(writer -> {
                    expected.forEach(writer::accept);
                    assertThat(writer.records()).isEqualTo(expected.size());
                    return writer.close();
                })
                .onComplete(test.succeeding(done -> test.verify(() -> {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    assertThat(lines.stream().map(CrawlRecordJson::fromLine).collect(Collectors.toList()))
                            .isEqualTo(expected);
                    assertThat(Files.size(file)).isGreaterThan(JsonlRecordWriter.BATCH_BYTES * 10L);
                    test.completeNow();
                }))));
    }

    @Test
    void aFewRecordsReachTheFileWithoutCloseThanksToThePeriodicFlush(Vertx vertx, VertxTestContext test) {
        Path file = dir.resolve("partial.jsonl");
        vertx.getOrCreateContext().runOnContext(v -> JsonlRecordWriter.open(vertx, file)
                .onComplete(test.succeeding(writer -> {
                    writer.accept(record(1));
                    vertx.setPeriodic(20, id -> vertx.fileSystem().readFile(file.toString())
                            .onComplete(test.succeeding(content -> {
                                if (content.length() > 0) {
                                    vertx.cancelTimer(id);
                                    test.verify(() -> assertThat(CrawlRecordJson.fromLine(content.toString().trim()))
                                            .isEqualTo(record(1)));
                                    writer.close().onComplete(test.succeedingThenComplete());
                                }
                            })));
                })));
    }

    @Test
    void acceptAfterCloseIsRejected(Vertx vertx, VertxTestContext test) {
        JsonlRecordWriter.open(vertx, dir.resolve("closed.jsonl"))
                .compose(writer -> writer.close().map(writer))
                .onComplete(test.succeeding(writer -> test.verify(() -> {
                    org.assertj.core.api.Assertions.assertThatIllegalStateException()
                            .isThrownBy(() -> writer.accept(record(1)));
                    test.completeNow();
                })));
    }
}
