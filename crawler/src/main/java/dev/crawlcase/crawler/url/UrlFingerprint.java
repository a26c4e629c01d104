package dev.crawlcase.crawler.url;

/**
 * A 64-bit fingerprint of a normalised URL, so the seen map holds 8 bytes per URL instead of the URL string (as
 * Heritrix's seen filter does). FNV-1a over the UTF-16 chars, then MurmurHash3's 64-bit finaliser to spread the
 * bits. Two distinct URLs collide with probability about n&sup2; / 2&sup6;&sup5;: about 3 in 100 million for a
 * crawl of a million URLs; a collision would make the second URL look already seen.
 */
public final class UrlFingerprint {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private UrlFingerprint() {
    }

    public static long of(String url) {
        long h = FNV_OFFSET;
        for (int i = 0; i < url.length(); i++) {
            h = (h ^ url.charAt(i)) * FNV_PRIME;
        }
        return mix(h ^ url.length());
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
