package dev.crawlcase.crawler.task;


/** Receives each final record once, on the frontier's thread. */
@FunctionalInterface
public interface RecordSink {
    void accept(CrawlRecord record);
}
