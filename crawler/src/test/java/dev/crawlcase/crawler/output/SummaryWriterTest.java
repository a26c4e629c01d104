package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

class SummaryWriterTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void writesPrettyJsonThatReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.json");
        RunSummary summary = new RunSummary(Mode.ASYNC, 8, List.of("http://127.0.0.1:1/"),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:02.5Z"), 2.5, 3, 5,
                Map.of(Outcome.FETCHED, 3L, Outcome.SKIPPED, 2L), Map.of("robots", 2L), 1.2,
                new RunSummary.Latency(4, 5, 6, 7), 8, 30, 1.25, 1 << 20, 4096);
        await(SummaryWriter.write(kit.vertx(), file, summary));
        String text = Files.readString(file);
        assertThat(text).contains("\n  \"mode\" : \"async\"");
        assertThat(RunSummary.fromJson(new JsonObject(text))).isEqualTo(summary);
    }
}
