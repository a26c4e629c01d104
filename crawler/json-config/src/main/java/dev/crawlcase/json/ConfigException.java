package dev.crawlcase.json;

/**
 * A bad configuration value: the key it is about, what is wrong with it, and, once known, where it was read from.
 * The key is a path into the document ({@code politeness.perHostConcurrency}, {@code sites[1].latency.sigma}), a flag
 * ({@code --concurrency}) or the value itself ({@code seed 'gopher://x/'}); it is empty when the problem is the whole
 * input. The message is the one line a user sees: {@code source: key: problem}, each part only when present.
 *
 * <p>It is an {@link IllegalArgumentException} because settings records refuse their bad values with it too
 * ({@link Check}): a record then fails like any constructor given a bad argument, and a reader that builds the record
 * gets the problem with the record's key, which {@link JsonFields#build} places under the object's path.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;
    private final String problem;
    /** Whether the key is already the full path from the document's root (so no enclosing object adds to it). */
    private final boolean placed;

    public ConfigException(String key, String problem) {
        this("", key, problem, false);
    }

    private ConfigException(String source, String key, String problem, boolean placed) {
        super(line(source, key, problem));
        this.source = source;
        this.key = key;
        this.problem = problem;
        this.placed = placed;
    }

    /** A problem whose key is already the full path from the document's root. */
    static ConfigException placed(String key, String problem) {
        return new ConfigException("", key, problem, true);
    }

    /** Where the value was read from (a file, or a name such as "bundled crawl.json"); empty until known. */
    public String source() {
        return source;
    }

    /** The key path, flag or value the problem is about; empty for the whole input. */
    public String key() {
        return key;
    }

    /** What is wrong, e.g. {@code must be between 1 and 10000, got 20000}. */
    public String problem() {
        return problem;
    }

    /** The same problem, read from {@code from}; a source already known stays, after it. */
    public ConfigException in(String from) {
        return new ConfigException(source.isEmpty() ? from : from + ": " + source, key, problem, placed);
    }

    boolean isPlaced() {
        return placed;
    }

    /** The same problem seen from the object at {@code parent}: {@code parent.key}, or {@code parent[i]...}. */
    ConfigException under(String parent) {
        if (parent.isEmpty() || key.isEmpty()) {
            return new ConfigException(source, key.isEmpty() ? parent : key, problem, true);
        }
        return new ConfigException(source, key.startsWith("[") ? parent + key : parent + "." + key, problem, true);
    }

    private static String line(String source, String key, String problem) {
        StringBuilder line = new StringBuilder();
        for (String part : new String[] {source, key}) {
            if (!part.isEmpty()) {
                line.append(part).append(": ");
            }
        }
        return line.append(problem).toString();
    }
}
