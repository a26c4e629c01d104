package dev.crawlcase.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON config document into an object, or fails with one line naming where it came from and the problem. */
public final class JsonFiles {
    private JsonFiles() {
    }

    public static JsonObject read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "no such config file").in(file.toString());
        } catch (IOException e) {
            throw new ConfigException("", unreadable(e)).in(file.toString());
        }
        return parse(text, file.toString());
    }

    /** @param source what the text is, for the message: its file, or a name such as "bundled crawl.json" */
    public static JsonObject parse(String text, String source) {
        try {
            return new JsonObject(text);
        } catch (DecodeException e) {
            // Jackson knows where the text went wrong: the line and column make a typo easy to find
            if (e.getCause() instanceof JsonProcessingException parse && parse.getLocation() != null) {
                JsonLocation at = parse.getLocation();
                throw new ConfigException("", "not a JSON object (" + firstLine(parse.getOriginalMessage())
                        + ") at line " + at.getLineNr() + ", column " + at.getColumnNr()).in(source);
            }
            throw new ConfigException("", "not a JSON object (" + firstLine(e.getMessage()) + ")").in(source);
        } catch (ClassCastException e) {
            throw new ConfigException("", "not a JSON object (" + firstLine(e.getMessage()) + ")").in(source);
        }
    }

    /** Why a file could not be read, in the words a user searches for ("permission denied", "is a folder"). */
    static String unreadable(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot read: permission denied";
        }
        if (e.getMessage() != null && e.getMessage().contains("Is a directory")) {
            return "cannot read: is a folder, not a file";
        }
        return "cannot read (" + e.getMessage() + ")";
    }

    /** The parser's first line without its source excerpt, so the message stays one short line. */
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
