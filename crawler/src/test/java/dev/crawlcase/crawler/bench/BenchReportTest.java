package dev.crawlcase.crawler.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The results file: its shape, and a later run of one scenario replacing only that scenario. */
class BenchReportTest {
    @TempDir
    Path dir;

    private static JsonObject context(String when) {
        return new JsonObject().put("machine", "2 cores").put("command", "crawler bench").put("measuredAt", when)
                .put("scale", 1.0);
    }

    @Test
    void writesEveryScenarioWithItsContextAndAMarkdownTwin() throws Exception {
        Path json = dir.resolve("out").resolve("bench.json");
        Path md = BenchReport.write(json, List.of(BenchTableTest.result("memory", null), BenchTableTest.result("c10k", true)),
                context("t1"));

        JsonObject file = new JsonObject(Files.readString(json));
        assertThat(file.getJsonArray("scenarios")).hasSize(2);
        JsonObject c10k = file.getJsonArray("scenarios").getJsonObject(0);
        assertThat(c10k.fieldNames()).contains("name", "title", "target", "met", "verdict", "headers", "rows", "runs",
                "notes", "machine", "command", "measuredAt", "scale");
        assertThat(c10k.getString("name")).isEqualTo("c10k"); // c10k, throughput, parse, memory order
        assertThat(c10k.getBoolean("met")).isTrue();
        assertThat(file.getJsonArray("scenarios").getJsonObject(1).getValue("met")).isNull();
        assertThat(md).isEqualTo(dir.resolve("out").resolve("bench.md"));
        assertThat(Files.readString(md)).contains("**Title of c10k**", "\n\nMeasured t1 on 2 cores with `crawler bench`.");
    }

    @Test
    void aLaterRunReplacesOnlyTheScenariosItRan() throws Exception {
        Path json = dir.resolve("bench.json");
        BenchReport.write(json, List.of(BenchTableTest.result("c10k", true), BenchTableTest.result("parse", false)),
                context("t1"));
        BenchReport.write(json, List.of(BenchTableTest.result("parse", true)), context("t2"));

        JsonObject file = new JsonObject(Files.readString(json));
        assertThat(file.getJsonArray("scenarios")).hasSize(2);
        assertThat(file.getJsonArray("scenarios").getJsonObject(0).getString("measuredAt")).isEqualTo("t1");
        JsonObject parse = file.getJsonArray("scenarios").getJsonObject(1);
        assertThat(parse.getString("measuredAt")).isEqualTo("t2");
        assertThat(parse.getBoolean("met")).isTrue();
    }

    @Test
    void anUnreadableOldFileIsReplaced() throws Exception {
        Path json = Files.writeString(dir.resolve("bench.json"), "not json");
        BenchReport.write(json, List.of(BenchTableTest.result("c10k", true)), context("t1"));
        assertThat(new JsonObject(Files.readString(json)).getJsonArray("scenarios")).hasSize(1);
    }
}
