package dev.crawlcase.crawler.url;

import java.security.SecureRandom;
import java.nio.ByteBuffer;

/**
 * A 64-bit fingerprint of a normalised URL, so the seen map holds 8 bytes per URL instead of the URL string (as
 * Heritrix's seen filter does). It is {@link SipHash SipHash-2-4} under a random 128-bit key drawn once per JVM:
 * an unkeyed hash (FNV-1a, as before) lets a site craft two URLs with one fingerprint, and the second would look
 * already seen, never get a record nor be fetched. With a secret key, a collision is chance alone: two distinct URLs
 * collide with probability about n&sup2; / 2&sup6;&sup5;.
 *
 * <p>The key need not be kept: fingerprints live only in the frontier's memory and are never written to a state, a
 * spill or a message (a resume fingerprints the stored URL strings afresh), so a new JVM may draw a new key.
 */
public final class UrlFingerprint {
    private static final SipHash HASH = keyed();

    private UrlFingerprint() {
    }

    public static long of(String url) {
        return HASH.hash(url);
    }

    private static SipHash keyed() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        ByteBuffer k = ByteBuffer.wrap(key);
        return new SipHash(k.getLong(), k.getLong());
    }
}
