package dev.crawlcase.crawler.shard;

/** Shard {@code to} took batch {@code seq} of shard {@code from}, and its board slot already counts what it took. */
public record OfferAck(int from, int to, long seq) {
}
