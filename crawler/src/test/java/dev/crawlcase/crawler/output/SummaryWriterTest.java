package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SummaryWriterTest {

    @Test
    void writesPrettyJsonThatReadsBack(Vertx vertx, VertxTestContext test, @TempDir Path dir) {
        Path file = dir.resolve("summary.json");
        RunSummary summary = new RunSummary(Mode.ASYNC, 8, List.of("http://127.0.0.1:1/"),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:02.5Z"), 2.5, 3, 5,
                Map.of(Outcome.FETCHED, 3L, Outcome.SKIPPED, 2L), Map.of("robots", 2L), 1.2,
                new RunSummary.Latency(4, 5, 6, 7), 8, 30, 1.25, 1 << 20, 4096);
        SummaryWriter.write(vertx, file, summary).onComplete(test.succeeding(v -> test.verify(() -> {
            String text = Files.readString(file);
            assertThat(text).contains("\n  \"mode\" : \"async\"");
            assertThat(RunSummary.fromJson(new JsonObject(text))).isEqualTo(summary);
            test.completeNow();
        })));
    }
}
