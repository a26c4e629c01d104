/**
 * The frontier on the event bus: {@code FrontierVerticle} serves leases and takes outcomes at the crawl's
 * {@link dev.crawlcase.crawler.task.CrawlAddresses}; {@code FrontierClient} is how fetchers (local or on other
 * cluster nodes) talk to it, one {@code Exchange} (finished outcomes and a request for tasks) answered by one
 * {@code Lease}; {@code BusCodecs} registers their binary wire form ({@code TaskWire}, over {@code WireOut} and
 * {@code WireIn}); {@code CrawlProgress} and {@code SlotStrip} are what a watcher hears (the frontier's figures and
 * host view; a fetch verticle's busy slots); {@code FrontierPhase} is the endpoint's lifecycle (running, stopping, finished, suspended, aborted), changed in one place.
 *
 * <p>May import: {@code url}, {@code task}, {@code frontier}, Vert.x core.
 */
package dev.crawlcase.crawler.bus;
