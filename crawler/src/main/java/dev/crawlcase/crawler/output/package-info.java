/**
 * What a crawl leaves behind: the records file (one JSONL line per discovered URL), the run summary, and the text
 * tables printed from them. Takes {@link dev.crawlcase.crawler.task.CrawlRecord}s and resource samples.
 *
 * <p>May import: {@code url}, {@code task}, {@code metrics}, Vert.x core (its JSON and file system), HdrHistogram.
 */
package dev.crawlcase.crawler.output;
