/**
 * What a crawl leaves behind: the records file (one JSONL line per discovered URL), the run summary (typed as
 * {@link dev.crawlcase.crawler.output.RunSummary}, read and written as summary.json), and the one text table
 * ({@link dev.crawlcase.crawler.output.SummaryTable}) that run, cluster and compare print from summaries. A file that
 * cannot be written is an {@link dev.crawlcase.crawler.output.OutputFailure}, never a silent short file. Takes {@link dev.crawlcase.crawler.task.CrawlRecord}s and resource samples.
 *
 * <p>May import: {@code url}, {@code task}, {@code metrics}, Vert.x core (its JSON and file system), HdrHistogram.
 */
package dev.crawlcase.crawler.output;
