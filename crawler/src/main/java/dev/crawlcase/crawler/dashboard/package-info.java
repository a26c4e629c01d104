/**
 * Watching a crawl live: a small HTTP server bound to 127.0.0.1 that serves a page updated by server-sent events,
 * {@code /status} (the summary's figures so far, as JSON) and {@code /metrics} (Prometheus text through Micrometer:
 * Vert.x's own meters and the crawl's). It reads the crawl through {@link dev.crawlcase.crawler.dashboard.CrawlFeed}
 * on a timer and the frontier's progress events (which, for a watched crawl, carry a bounded per-host view), and the
 * fetch verticles' slot strips ({@code bus.SlotStrip}, coalesced to one message per half second each), so a crawl
 * pays nothing per page for being watched; a compare ladder and a cluster's nodes come in through the same board.
 *
 * <p>May import: {@code task}, {@code metrics}, {@code output}, {@code bus} (the progress event), Vert.x core and
 * web, Micrometer.
 */
package dev.crawlcase.crawler.dashboard;
