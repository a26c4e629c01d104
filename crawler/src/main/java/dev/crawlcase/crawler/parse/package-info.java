/**
 * Stage 3: an HTML body in, a {@link dev.crawlcase.crawler.task.ParsedPage} out (title, normalised links), with
 * jsoup. {@code PageProcessor} turns one fetch's result into the {@link dev.crawlcase.crawler.task.FetchOutcome} the
 * frontier takes.
 *
 * <p>May import: {@code url}, {@code task}, jsoup.
 */
package dev.crawlcase.crawler.parse;
