/**
 * The sites' settings (config/sites.json) as typed records: sizes, latency distributions, faults, robots rules,
 * loaded strictly (unknown keys and out-of-range values are one line naming the key).
 *
 * <p>May import: the JDK, Vert.x core's JSON and the shared config reader {@code dev.crawlcase.json}.
 */
package dev.crawlcase.sites.config;
