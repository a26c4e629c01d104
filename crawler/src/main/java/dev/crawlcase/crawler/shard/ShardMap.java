package dev.crawlcase.crawler.shard;

/**
 * Which shard a host belongs to: a fixed function of its key ({@code scheme://host:port}) and the crawl's shard
 * count, the same in every JVM (String.hashCode is specified by the language, the mixer is Murmur3's finaliser), so
 * nodes agree on it without asking each other. The count is fixed for the whole crawl, resumes included.
 */
public record ShardMap(int shards) {
    public static final int MAX_SHARDS = 4096;

    public ShardMap {
        check(shards);
    }

    /** Refuses a shard count a map cannot have. */
    public static void check(int shards) {
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be 1.." + MAX_SHARDS + ", got " + shards);
        }
    }

    public int shardOf(String hostKey) {
        int h = hostKey.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, shards);
    }
}
