package dev.crawlcase.crawler.frontier;

/**
 * Hears of every URL the frontier discovers, and of every smaller depth it is found at later, on the frontier's
 * thread, before any record that depends on it is handed to the record sink. A durable crawl state journals
 * these, so a resumed crawl loses no discovered URL.
 */
@FunctionalInterface
public interface UrlLog {
    UrlLog NONE = (url, depth) -> { };

    void found(String url, int depth);
}
