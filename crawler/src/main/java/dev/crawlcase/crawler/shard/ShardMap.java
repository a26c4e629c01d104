package dev.crawlcase.crawler.shard;

import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.UrlNormalizer;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which shard a host belongs to: a fixed function of its key ({@code scheme://host:port}), the crawl's shard count
 * and the crawl's table of dealt hosts, the same in every JVM, so nodes agree on it without asking each other.
 *
 * <p>The hosts of the seeds are dealt to the shards evenly ({@link #dealing}: their keys sorted, then one to each
 * shard in turn), so a crawl of a few dozen sites is cut into parts that differ by one host at most; a hash cuts
 * thousands of hosts evenly, but not a few dozen (48 hosts into 3 parts: the largest part often holds 22 or more,
 * not 16, and the crawl lasts as long as its largest part). Every other host (found later) is placed by a hash:
 * String.hashCode, specified by the language, through Murmur3's finaliser. The table is part of the crawl's
 * definition and fixed for the whole crawl, resumes included; an empty table places every host by the hash.
 *
 * @param dealt the dealt hosts: host key to shard (keys are normalised: {@code http://LOCALHOST} is
 *              {@code http://localhost:80})
 */
public record ShardMap(int shards, Map<String, Integer> dealt) {
    public static final int MAX_SHARDS = 4096;

    public ShardMap {
        check(shards);
        UrlNormalizer normalizer = UrlNormalizer.defaults();
        Map<String, Integer> copy = new LinkedHashMap<>();
        dealt.forEach((host, shard) -> {
            String key = HostKey.of(normalizer.normalize(Objects.requireNonNull(host, "host") + "/"));
            if (key == null) {
                throw new IllegalArgumentException("not a host (scheme://host:port): " + host);
            }
            if (shard == null || shard < 0 || shard >= shards) {
                throw new IllegalArgumentException("host " + host + " dealt to shard " + shard + ", not within 0.."
                        + (shards - 1));
            }
            Integer before = copy.put(key, shard);
            if (before != null && !before.equals(shard)) {
                throw new IllegalArgumentException("host " + key + " dealt to shards " + before + " and " + shard);
            }
        });
        dealt = Collections.unmodifiableMap(copy);
    }

    /** A map that places every host by the hash (no dealt hosts). */
    public ShardMap(int shards) {
        this(shards, Map.of());
    }

    /**
     * The hosts of {@code seeds} dealt to {@code shards} shards: their keys (of the normalised URLs, so case and a
     * default port make no difference) sorted and dealt in turn, so no shard holds more than one host more than
     * another; URLs that are not http(s) are left out.
     */
    public static ShardMap dealing(Collection<String> seeds, int shards) {
        check(shards);
        UrlNormalizer normalizer = UrlNormalizer.defaults();
        TreeSet<String> hosts = new TreeSet<>();
        for (String seed : seeds) {
            String key = HostKey.of(normalizer.normalize(seed));
            if (key != null) {
                hosts.add(key);
            }
        }
        Map<String, Integer> dealt = new LinkedHashMap<>();
        int next = 0;
        for (String host : hosts) {
            dealt.put(host, next);
            next = (next + 1) % shards;
        }
        return new ShardMap(shards, dealt);
    }

    /** Refuses a shard count a map cannot have. */
    public static void check(int shards) {
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be 1.." + MAX_SHARDS + ", got " + shards);
        }
    }

    /** The shard of a host key as {@link HostKey#of} gives it for a normalised URL. */
    public int shardOf(String hostKey) {
        Integer shard = dealt.get(hostKey);
        return shard != null ? shard : hashed(hostKey, shards);
    }

    /** Where the hash alone places a host key among {@code shards} shards. */
    public static int hashed(String hostKey, int shards) {
        int h = hostKey.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, shards);
    }
}
