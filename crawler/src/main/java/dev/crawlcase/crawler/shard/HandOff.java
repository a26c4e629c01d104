package dev.crawlcase.crawler.shard;

/** A URL found by one shard for another: found at {@code depth}, after {@code redirects} redirects. */
public record HandOff(String url, int depth, int redirects) {
}
