/**
 * The fetch modes, one verticle each: how fetches run is the only thing that differs between them. Each leases
 * tasks from the frontier (through {@code bus}), fetches (through {@code fetch}), parses (through {@code parse})
 * and reports outcomes. {@code ModeVerticles} maps a {@link dev.crawlcase.crawler.task.Mode} to its verticle. Every
 * verticle tells one hook, {@code SlotWatch}, as a slot takes and lets go of a task: the comparison's
 * {@code FetchTimeline} and the live page's {@code LiveSlots} hang there, not in any mode's own code.
 *
 * <p>May import: {@code url}, {@code task}, {@code fetch}, {@code parse}, {@code bus}, Vert.x core.
 */
package dev.crawlcase.crawler.mode;
