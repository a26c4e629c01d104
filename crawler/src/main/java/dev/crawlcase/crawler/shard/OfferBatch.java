package dev.crawlcase.crawler.shard;

import java.util.List;

/**
 * Hand-offs from shard {@code from} to shard {@code to}, numbered per sender ({@code seq}); sent again until
 * {@code to} acknowledges them. Taking one twice changes nothing (an offer at the same depth is ignored).
 */
public record OfferBatch(int from, int to, long seq, List<HandOff> offers) {
    public OfferBatch {
        offers = List.copyOf(offers);
    }
}
