package dev.crawlcase.sites.model;

import java.util.Random;

/** Deterministic seeds derived from the world seed and a few names (site, url, attempt...). */
public final class Seeds {
    private Seeds() {
    }

    public static long mix(long seed, Object... parts) {
        long h = splitMix(seed);
        for (Object part : parts) {
            String s = String.valueOf(part);
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            h = splitMix(h ^ s.length());
        }
        return h;
    }

    public static Random random(long seed, Object... parts) {
        return new Random(mix(seed, parts));
    }

    /** A double in [0, 1) that depends only on the arguments. */
    public static double unit(long seed, Object... parts) {
        return (mix(seed, parts) >>> 11) * 0x1.0p-53;
    }

    private static long splitMix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
