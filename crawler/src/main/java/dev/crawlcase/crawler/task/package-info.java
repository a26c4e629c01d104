/**
 * The messages between the stages, and nothing else: frontier -> fetch ({@link dev.crawlcase.crawler.task.FetchTask},
 * in a {@link dev.crawlcase.crawler.task.Lease}), fetch -> parse ({@link dev.crawlcase.crawler.task.FetchResult},
 * {@link dev.crawlcase.crawler.task.ErrorKind}), parse -> frontier ({@link dev.crawlcase.crawler.task.ParsedPage}
 * inside a {@link dev.crawlcase.crawler.task.FetchOutcome}), frontier -> output
 * ({@link dev.crawlcase.crawler.task.CrawlRecord} through a {@link dev.crawlcase.crawler.task.RecordSink}), plus the
 * {@link dev.crawlcase.crawler.task.Mode} a crawl runs in and the event-bus
 * {@link dev.crawlcase.crawler.task.CrawlAddresses} of its frontier, and {@link dev.crawlcase.crawler.task.HostLoad}, one
 * host as the frontier tells a watcher. A record's {@link dev.crawlcase.crawler.task.Outcome}
 * is an enum; its reason text is built in one place, {@link dev.crawlcase.crawler.task.Reasons}.
 * Immutable records and enums; no behaviour beyond small queries on their own fields.
 *
 * <p>May import: {@code url}, {@code dev.crawlcase.json} (bounds) and the JDK.
 */
package dev.crawlcase.crawler.task;
