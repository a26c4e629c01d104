/**
 * The hostile world: loopback servers that misbehave on purpose, one case per server (bad framings, robots.txt
 * behind redirects, timeouts and garbage, links that look distinct but are one URL, credentials in links, an
 * over-long link, a huge page, a body that never ends, a redirect loop), each stating the record a correct crawler
 * writes for every URL it can reach, so every crawl mode is held to the same ground truth.
 *
 * <p>Raw sockets rather than an HTTP server, since most cases are bytes no HTTP server would send. Stands apart
 * from the generated world ({@code config}, {@code model}, {@code server}). May import: Vert.x core only.
 */
package dev.crawlcase.sites.hostile;
