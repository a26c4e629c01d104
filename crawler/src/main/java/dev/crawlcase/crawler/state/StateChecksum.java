package dev.crawlcase.crawler.state;

/**
 * The checksum of a state's live entries: the sum (mod 2^64) of one 64-bit hash per (map, key, value), so a batch
 * updates it by adding its new entries and subtracting the ones they replace, and a resume recomputes it from what
 * the store reads back. A changed byte in a URL, a depth or a record makes the sums differ (but for a chance of
 * about 2^-64). It guards against damage, not against someone who rewrites the file on purpose.
 */
final class StateChecksum {
    private long sum;

    StateChecksum(long sum) {
        this.sum = sum;
    }

    long value() {
        return sum;
    }

    void add(String map, Object key, Object value) {
        sum += entry(map, key, value);
    }

    void remove(String map, Object key, Object value) {
        sum -= entry(map, key, value);
    }

    /** FNV-1a over "map key value" with separators, then a 64-bit finaliser to spread the bits. */
    static long entry(String map, Object key, Object value) {
        long h = 0xcbf29ce484222325L;
        h = fnv(fnv(fnv(h, map), String.valueOf(key)), String.valueOf(value));
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ 0x1f) * 0x100000001b3L;
    }
}
