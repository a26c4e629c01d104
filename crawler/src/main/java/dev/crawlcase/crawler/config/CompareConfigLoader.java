package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.mode.Mode;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code compare.json} strictly; relative paths resolve against the file's folder. */
public final class CompareConfigLoader {
    private CompareConfigLoader() {
    }

    public static CompareConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new ConfigException(file + ": not a JSON object");
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            return read(new JsonFields(json, ""), dir);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static CompareConfig read(JsonFields f, Path dir) {
        Path crawl = dir.resolve(f.string("crawl", "crawl.json")).normalize();
        Path sites = dir.resolve(f.string("sites", "sites.json")).normalize();
        Path quick = dir.resolve(f.string("quickSites", "sites-quick.json")).normalize();
        List<Mode> modes = new ArrayList<>();
        for (String name : f.strings("modes")) {
            try {
                modes.add(Mode.parse(name));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("modes: " + e.getMessage());
            }
        }
        if (modes.isEmpty()) {
            modes.addAll(List.of(Mode.values()));
        }
        int concurrency = f.intIn("concurrency", 64, 1, 100_000);
        int perHost = f.intIn("perHostConcurrency", concurrency, 1, 100_000);
        List<Integer> sweep = f.ints("sweep", 1, 100_000);
        Path report = Path.of(f.string("report", "target/crawlcase-report"));
        f.done();
        return new CompareConfig(crawl, sites, quick, List.copyOf(modes), concurrency, perHost, sweep, report);
    }

    /** One concurrency from a list such as {@code --sweep 1,4,16}. */
    public static int parseConcurrency(String what, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1 || n > 100_000) {
                throw new ConfigException(what + ": concurrency must be between 1 and 100000, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(what + ": not a whole number: '" + value + "'");
        }
    }
}
