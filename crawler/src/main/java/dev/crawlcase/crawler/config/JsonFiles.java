package dev.crawlcase.crawler.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON config file into an object, or fails with one line naming the file and the problem. */
final class JsonFiles {
    private JsonFiles() {
    }

    static JsonObject read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    static JsonObject parse(String text, String source) {
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new ConfigException(source + ": not a JSON object (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String line = s.lines().findFirst().orElse(s);
        int source = line.indexOf(" (start marker");
        line = source < 0 ? line : line.substring(0, source);
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
