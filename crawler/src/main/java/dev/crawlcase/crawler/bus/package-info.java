/**
 * The frontier on the event bus: {@code FrontierVerticle} serves leases and takes outcomes at the crawl's
 * {@link dev.crawlcase.crawler.task.CrawlAddresses}; {@code FrontierClient} is how fetchers (local or on other
 * cluster nodes) talk to it; {@code TaskCodec} is the wire form of the messages; {@code FrontierPhase} is the
 * endpoint's lifecycle (running, stopping, finished, suspended, aborted), changed in one place.
 *
 * <p>May import: {@code url}, {@code task}, {@code frontier}, Vert.x core.
 */
package dev.crawlcase.crawler.bus;
