/**
 * The sites' settings (config/sites.json) as typed records: sizes, latency distributions, faults, robots rules,
 * loaded strictly (unknown keys and out-of-range values are one line naming the key).
 *
 * <p>May import: the JDK and Vert.x core's JSON only.
 */
package dev.crawlcase.sites.config;
