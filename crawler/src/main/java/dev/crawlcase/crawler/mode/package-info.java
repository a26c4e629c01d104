/**
 * The fetch modes, one verticle each: how fetches run is the only thing that differs between them. Each leases
 * tasks from the frontier (through {@code bus}), fetches (through {@code fetch}), parses (through {@code parse})
 * and reports outcomes. {@code ModeVerticles} maps a {@link dev.crawlcase.crawler.task.Mode} to its verticle.
 *
 * <p>May import: {@code url}, {@code task}, {@code fetch}, {@code parse}, {@code bus}, Vert.x core.
 */
package dev.crawlcase.crawler.mode;
