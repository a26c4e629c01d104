package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

class SummaryWriterTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void writesPrettyJsonThatReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.json");
        JsonObject summary = new JsonObject().put("mode", "async").put("pages", 3)
                .put("fetchLatencyMs", new JsonObject().put("p50", 4));
        await(SummaryWriter.write(kit.vertx(), file, summary));
        String text = Files.readString(file);
        assertThat(text).contains("\n  \"mode\" : \"async\"");
        assertThat(new JsonObject(text)).isEqualTo(summary);
    }
}
