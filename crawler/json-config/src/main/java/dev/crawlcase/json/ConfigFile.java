package dev.crawlcase.json;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A config file to read, and the one rule every command of the crawler and the fake sites finds its configs and
 * resolves the paths written in them by:
 * <ul>
 *   <li>a config named by a flag is that file (relative to the current folder, like every path on the command
 *   line); without the flag, {@code config/NAME} in the current folder if it is there, else the copy bundled in the
 *   jar ({@link #find});</li>
 *   <li>a relative path written in a config file is relative to that file's folder, whether it names another config
 *   ({@code "sites": "sites.json"}) or an output ({@code "records": "../crawl-out/records.jsonl"});</li>
 *   <li>a bundled copy stands in for {@code config/NAME} in the current folder: its paths resolve against
 *   {@code config/}, and a config it names is looked up like itself (on disk there, else the bundled copy).</li>
 * </ul>
 * So a command gives the same result from any folder once its config is named, and the repository's own
 * {@code config/} and the bundled copies (the same files) put the outputs in the same place.
 */
public final class ConfigFile {
    /** Where commands look for their configs when no flag names one, relative to the current folder. */
    public static final Path FOLDER = Path.of("config");
    private static final String RESOURCES = "/config/";

    /** The file on disk, or null for a bundled copy. */
    private final Path path;
    /** The bundled copy's name (a file name under config/ in the jar), or null for a file on disk. */
    private final String bundled;

    private ConfigFile(Path path, String bundled) {
        this.path = path;
        this.bundled = bundled;
    }

    /** The file a flag names. */
    public static ConfigFile of(Path file) {
        return new ConfigFile(Objects.requireNonNull(file, "file"), null);
    }

    /** The copy of {@code name} bundled in the jar (under {@code config/}). */
    public static ConfigFile bundled(String name) {
        return new ConfigFile(null, Objects.requireNonNull(name, "name"));
    }

    /**
     * The config a command reads: {@code flag} if given, else {@code config/name} in the current folder if it is a
     * file, else the bundled copy of {@code name}.
     */
    public static ConfigFile find(Path flag, String name) {
        if (flag != null) {
            return of(flag);
        }
        Path local = FOLDER.resolve(name);
        return Files.isRegularFile(local) || !isBundled(name) ? of(local) : bundled(name);
    }

    private static boolean isBundled(String name) {
        return resource(name) != null;
    }

    private static URL resource(String name) {
        return ConfigFile.class.getResource(RESOURCES + name);
    }

    public boolean isBundled() {
        return bundled != null;
    }

    /** The file on disk; null for a bundled copy. */
    public Path path() {
        return path;
    }

    /** The bundled copy's file name; null for a file on disk. */
    public String bundledName() {
        return bundled;
    }

    /**
     * The folder that relative paths written in this config resolve against: the file's own folder (as given:
     * relative when the file's path is); for a bundled copy {@code config/} in the current folder, where it stands in.
     */
    public Path folder() {
        if (bundled != null) {
            return FOLDER;
        }
        Path parent = path.getParent();
        return parent == null ? Path.of("") : parent;
    }

    /** A path written in this config (an output file or folder): absolute as is, else against {@link #folder}. */
    public Path resolve(String written) {
        Path p = Path.of(written);
        return p.isAbsolute() ? p : folder().resolve(p).normalize();
    }

    /**
     * Another config named in this one: beside it on disk; for a bundled copy, the file at that place in
     * {@code config/} of the current folder if it is there, else the bundled copy of that name.
     */
    public ConfigFile named(String written) {
        Path local = resolve(written);
        if (bundled == null || Files.isRegularFile(local) || Path.of(written).isAbsolute() || !isBundled(written)) {
            return of(local);
        }
        return bundled(written);
    }

    /** The document, or a {@link ConfigException} naming this file and the problem (missing, unreadable, syntax). */
    public JsonObject json() {
        return path != null ? JsonFiles.read(path) : JsonFiles.parse(text(), toString());
    }

    /** A bundled copy's text (a file on disk is read by {@link #json}). */
    private String text() {
        URL url = resource(bundled);
        if (url == null) {
            throw new ConfigException("", "no such bundled config").in(toString());
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path as given, or {@code bundled config/NAME}: how messages name the config. */
    @Override
    public String toString() {
        return path != null ? path.toString() : "bundled config/" + bundled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigFile other && Objects.equals(path, other.path) && Objects.equals(bundled, other.bundled);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, bundled);
    }
}
