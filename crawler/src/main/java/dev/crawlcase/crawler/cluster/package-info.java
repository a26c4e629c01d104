/**
 * One crawl over several JVMs: clustered Vert.x on Hazelcast, and the fetcher node that joins a crawl's frontier.
 *
 * <p>May import: everything below the tools; not {@code cli}.
 */
package dev.crawlcase.crawler.cluster;
