/**
 * The crawl's settings as typed, immutable records, loaded once from JSON (config/crawl.json, config/compare.json)
 * with every default and bound checked at load time, so a bad value is one line naming its key before any file is
 * touched. Seeds are checked here with the crawl's own URL parser and host rule.
 *
 * <p>May import: {@code url}, {@code task}, {@code frontier}, {@code fetch}, {@code parse} and {@code warc} (their settings records own the
 * defaults and bounds this package reads against), the shared reader {@code dev.crawlcase.json}, Vert.x core's JSON.
 */
package dev.crawlcase.crawler.config;
