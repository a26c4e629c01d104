/**
 * The performance benchmarks behind {@code crawler bench} (C10K, throughput, parse-bound, memory): each crawl in a
 * child JVM, the sites in another, results as JSON and Markdown.
 *
 * <p>May import: everything below the tools, {@code compare}, fake-sites; not {@code cli}.
 */
package dev.crawlcase.crawler.bench;
