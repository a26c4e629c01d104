/**
 * Stage 3: an HTML body in, a {@link dev.crawlcase.crawler.task.ParsedPage} out (title, normalised links), with
 * jsoup. {@code PageProcessor} turns one fetch's result into the {@link dev.crawlcase.crawler.task.FetchOutcome} the
 * frontier takes.
 *
 * <p>A SITEMAP task's body is read the same way ({@code SitemapReader}, crawler-commons), within {@code SitemapLimits}.
 *
 * <p>May import: {@code url}, {@code task}, {@code dev.crawlcase.json} (bounds), jsoup, crawler-commons (sitemaps).
 */
package dev.crawlcase.crawler.parse;
