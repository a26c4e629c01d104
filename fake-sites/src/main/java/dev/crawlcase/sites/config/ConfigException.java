package dev.crawlcase.sites.config;

/**
 * A bad configuration value. The message is one line, {@code "key.path: problem"}, ready to show
 * to a user as it is.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public ConfigException(String key, String problem) {
        super(key.isEmpty() ? problem : key + ": " + problem, null, false, false);
        this.key = key;
        this.problem = problem;
    }

    /** The key path the problem is about, e.g. {@code sites[1].latency.sigma}; empty for the whole document. */
    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }

    /** The same problem, seen from a parent object: {@code parent.key}. */
    ConfigException under(String parent) {
        if (key.isEmpty()) {
            return new ConfigException(parent, problem);
        }
        return new ConfigException(key.startsWith("[") ? parent + key : parent + "." + key, problem);
    }
}
