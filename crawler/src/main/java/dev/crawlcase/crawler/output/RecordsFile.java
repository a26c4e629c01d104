package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.CrawlRecord;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a JSONL records file back (tools and tests). */
public final class RecordsFile {
    private RecordsFile() {
    }

    public static List<CrawlRecord> read(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(l -> CrawlRecordJson.fromJson(new JsonObject(l))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
