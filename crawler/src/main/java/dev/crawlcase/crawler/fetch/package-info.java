/**
 * Stage 2: one HTTP attempt per {@link dev.crawlcase.crawler.task.FetchTask}, reported as a
 * {@link dev.crawlcase.crawler.task.FetchResult}. Two client families: {@code AsyncFetcher} on Vert.x's HTTP client
 * (event loops; used by the async and virtual modes) and {@code BlockingFetcher} on the JDK client (blocks its
 * thread; used by the sequential and thread-pool modes). Both apply the same limits (timeouts, body cap, decoding)
 * and the same loopback guard, never follow redirects and never retry: the frontier decides.
 *
 * <p>May import: {@code url}, {@code task}, {@code dev.crawlcase.json} (bounds), Vert.x core, the JDK HTTP client.
 */
package dev.crawlcase.crawler.fetch;
