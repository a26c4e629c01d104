package dev.crawlcase.crawler.frontier;

/**
 * What a frontier that schedules one part of a crawl (a shard: the hosts whose key hashes to it) sees of the rest:
 * which hosts are its own, where a URL of another host goes, and the smallest depth still unfinished anywhere else.
 * A frontier that runs the whole crawl uses {@link #WHOLE}.
 *
 * <p>Depths stay exact shortest-path depths across shards because a record waits until its depth is final in the
 * whole crawl, not only in its own shard: {@link #minUnfinishedElsewhere} must never be above the smallest depth of
 * a URL that is queued, leased or retrying in another shard, or handed off and not yet taken by its owner.
 */
public interface CrawlShare {
    /** Whether URLs of this host key ({@code scheme://host:port}) are scheduled by this frontier. */
    boolean owns(String hostKey);

    /** A URL of a host this frontier does not own, found at {@code depth} after {@code redirects} redirects. */
    void handOff(String url, int depth, int redirects);

    /** The smallest depth unfinished outside this frontier, or {@link Integer#MAX_VALUE} when none is. */
    int minUnfinishedElsewhere();

    /** The whole crawl in one frontier: every host its own, nothing elsewhere. */
    CrawlShare WHOLE = new CrawlShare() {
        @Override
        public boolean owns(String hostKey) {
            return true;
        }

        @Override
        public void handOff(String url, int depth, int redirects) {
            throw new IllegalStateException("a frontier of the whole crawl owns every host: " + url);
        }

        @Override
        public int minUnfinishedElsewhere() {
            return Integer.MAX_VALUE;
        }
    };
}
