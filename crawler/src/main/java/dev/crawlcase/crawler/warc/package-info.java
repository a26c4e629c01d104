/**
 * The WARC archive (ISO 28500, WARC/1.1): every fetch attempt kept as a request record and a response record (a
 * {@code metadata} record where no response came), gzip per record, in files rotated by size and named by crawl and
 * sequence, each opening with a {@code warcinfo} record. Records are built with jwarc. {@code WarcArchive} is the
 * {@link dev.crawlcase.crawler.task.FetchArchive} the fetch verticles write to (blocking disk I/O, off the event
 * loops); {@code WarcFileRepair} cuts a torn last record before a resumed crawl writes on.
 *
 * <p>May import: {@code url}, {@code task}, {@code output} ({@code OutputFailure}), {@code dev.crawlcase.json}
 * (bounds), jwarc, Netty's status phrases.
 */
package dev.crawlcase.crawler.warc;
