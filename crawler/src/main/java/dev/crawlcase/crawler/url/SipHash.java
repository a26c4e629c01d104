package dev.crawlcase.crawler.url;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012) of a string's UTF-16 code units, read as little-endian bytes: a keyed
 * 64-bit hash that, without the key, nobody can steer into collisions. Written out here because no library on the
 * class path has it (Guava is not a dependency, and a whole library for forty lines of a fixed spec is not worth
 * it); the test checks it against the reference implementation's values.
 */
final class SipHash {
    private final long k0;
    private final long k1;

    SipHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    long hash(CharSequence s) {
        State st = new State(k0, k1);
        int n = s.length();
        int whole = n - (n & 3);
        for (int i = 0; i < whole; i += 4) {
            st.absorb(s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48);
        }
        long last = (long) (2 * n & 0xff) << 56;
        for (int i = whole; i < n; i++) {
            last |= (long) s.charAt(i) << (16 * (i - whole));
        }
        st.absorb(last);
        st.v2 ^= 0xff;
        st.rounds(4);
        return st.v0 ^ st.v1 ^ st.v2 ^ st.v3;
    }

    /** The four state words of one hash (short-lived: the JIT keeps them in registers). */
    private static final class State {
        long v0;
        long v1;
        long v2;
        long v3;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        /** One 64-bit message word, with the two compression rounds of SipHash-2-4. */
        void absorb(long m) {
            v3 ^= m;
            rounds(2);
            v0 ^= m;
        }

        void rounds(int n) {
            for (int r = 0; r < n; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
        }
    }
}
