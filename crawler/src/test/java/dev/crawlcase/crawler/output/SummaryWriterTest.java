package dev.crawlcase.crawler.output;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SummaryWriterTest {

    @Test
    void writesPrettyJsonThatReadsBack(Vertx vertx, VertxTestContext test, @TempDir Path dir) {
        Path file = dir.resolve("summary.json");
        JsonObject summary = new JsonObject().put("mode", "async").put("pages", 3)
                .put("fetchLatencyMs", new JsonObject().put("p50", 4));
        SummaryWriter.write(vertx, file, summary).onComplete(test.succeeding(v -> test.verify(() -> {
            String text = Files.readString(file);
            assertThat(text).contains("\n  \"mode\" : \"async\"");
            assertThat(new JsonObject(text)).isEqualTo(summary);
            test.completeNow();
        })));
    }
}
