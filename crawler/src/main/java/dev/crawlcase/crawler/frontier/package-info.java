/**
 * Stage 1 and 4 of the loop: what to fetch next, and what a fetch taught us. Single-threaded and free of Vert.x:
 * takes {@link dev.crawlcase.crawler.task.FetchOutcome}s and gives {@link dev.crawlcase.crawler.task.FetchTask}s
 * (per-host queues, politeness delays and concurrency, robots.txt, retries with back-off, breadth-first depth
 * gating, the page budget) and one {@link dev.crawlcase.crawler.task.CrawlRecord} per discovered URL. Time and
 * randomness are injected.
 *
 * <p>May import: {@code url}, {@code task}, {@code dev.crawlcase.json} (bounds), crawler-commons (robots), HPPC. Never a fetcher, a parser or Vert.x.
 */
package dev.crawlcase.crawler.frontier;
