/**
 * The composition root: one crawl wired together from a {@code config.CrawlConfig} (frontier verticle, fetch
 * verticles of the chosen mode, records and summary writers, the optional WARC archive and durable state) and run to its end.
 *
 * <p>May import: every package below it ({@code url}, {@code task}, the stages, {@code bus}, {@code mode},
 * {@code dashboard}); never a tool.
 */
package dev.crawlcase.crawler.run;
