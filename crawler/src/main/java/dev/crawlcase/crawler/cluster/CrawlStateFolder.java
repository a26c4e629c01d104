package dev.crawlcase.crawler.cluster;

import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.OutputPaths;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --state} folder of a sharded crawl: one sub-folder per part ({@code part-N}, each a crawl state of its
 * own) and {@code crawl.json}, the crawl's definition (id, seeds, parts, the part each seed's host was dealt to),
 * written when the crawl starts (a folder written before hosts were dealt has no table and keeps the hash). A node
 * started with {@code --resume} reads the definition from there, so a crawl whose every node died goes on with
 * however many nodes come back; a node started without it refuses a folder that already holds a crawl.
 */
public final class CrawlStateFolder {
    static final String FILE = "crawl.json";

    private CrawlStateFolder() {
    }

    /** The definition of the crawl in {@code dir}; a ConfigException (one line, exit 2) when there is none. */
    public static CrawlDefinition.Agreed read(Path dir, String crawlId) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--resume", "no sharded crawl in " + dir + " (no " + FILE + ")");
        }
        try {
            JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            if (!crawlId.equals(json.getString("crawlId"))) {
                throw new ConfigException("--crawl-id", dir + " holds crawl '" + json.getString("crawlId")
                        + "', not '" + crawlId + "'");
            }
            return CrawlDefinition.Agreed.fromJson(json);
        } catch (ConfigException e) {
            throw e;
        } catch (IOException | DecodeException | ClassCastException | NullPointerException
                 | IllegalArgumentException e) {
            throw new ConfigException("--resume", file + " is not a crawl definition (" + e.getMessage() + ")");
        }
    }

    /** Whether the folder holds a crawl already. */
    public static boolean holdsCrawl(Path dir) {
        return Files.exists(dir.resolve(FILE));
    }

    /**
     * The refusal of a folder that {@link #holdsCrawl holds a crawl}, for a node that was not told to resume it and
     * joins no running crawl (the nodes of a running crawl share its folder).
     */
    public static ConfigException held(Path dir) {
        return new ConfigException("--state", dir + " already holds a sharded crawl; add --resume to go on with it,"
                + " or choose another folder");
    }

    /** Writes the definition (whole, or not at all) unless the folder has it already. */
    public static void write(Path dir, String crawlId, CrawlDefinition.Agreed agreed) {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            return;
        }
        JsonObject json = new JsonObject().put("crawlId", crawlId).mergeIn(agreed.toJson());
        try {
            Files.createDirectories(dir);
            OutputPaths.writeWhole(file, (json.encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("--state", "cannot write " + file + " (" + e.getMessage() + ")");
        }
    }
}
