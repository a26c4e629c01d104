/**
 * Serving the model: one verticle per site on 127.0.0.1, latency and faults injected per request, every request
 * counted.
 *
 * <p>May import: {@code config}, {@code model}, Vert.x core, BouncyCastle (the TLS certificate), brotli4j and
 * zstd-jni (content codings).
 */
package dev.crawlcase.sites.server;
