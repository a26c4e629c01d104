package dev.crawlcase.crawler.config;

/** A bad configuration value or flag: the message is the one line the user sees (exit code 2). */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
