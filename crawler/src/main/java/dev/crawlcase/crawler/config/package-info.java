/**
 * The crawl's settings as typed, immutable records, loaded once from JSON (config/crawl.json, config/compare.json)
 * with every default and bound checked at load time, so a bad value is one line naming its key before any file is
 * touched. Seeds are checked here with the crawl's own URL parser and host rule.
 *
 * <p>May import: {@code url}, {@code task}, Vert.x core's JSON.
 */
package dev.crawlcase.crawler.config;
