/**
 * What every test package shares: {@link dev.crawlcase.crawler.testkit.CrawlcaseExtension} (the one JUnit extension
 * for Vert.x instances and crawler JVMs a test starts), {@link dev.crawlcase.crawler.testkit.TestConfig} (a crawl
 * config set key by key and read by the real loader), {@link dev.crawlcase.crawler.testkit.CliRun} (the command line
 * in-process) and {@link dev.crawlcase.crawler.testkit.CrawlerProcess} (the command line in a child JVM). Fixtures
 * only one package uses stay in that package (fetch's scenario servers, mode's bad sites and TestCrawl, cluster's
 * Hazelcast fixtures). The benchmarks in {@code crawler/src/bench} compile against this kit too.
 */
package dev.crawlcase.crawler.testkit;
