/**
 * What the crawling process costs while it runs: threads, CPU and memory, sampled from the JVM and /proc.
 *
 * <p>May import: {@code url}, {@code task}, the JDK.
 */
package dev.crawlcase.crawler.metrics;
