/**
 * Serving the model: one verticle per site on 127.0.0.1, latency and faults injected per request, every request
 * counted.
 *
 * <p>May import: {@code config}, {@code model}, Vert.x core.
 */
package dev.crawlcase.sites.server;
