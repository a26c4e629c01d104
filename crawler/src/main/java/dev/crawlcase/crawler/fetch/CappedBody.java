package dev.crawlcase.crawler.fetch;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Collects body bytes up to a cap; bytes past the cap are dropped and the body is marked truncated. Not shared. */
final class CappedBody {

    private final int cap;
    private byte[] data = new byte[1024];
    private int length;
    private boolean truncated;

    CappedBody(int cap) {
        this.cap = cap;
    }

    /** Adds bytes; returns false once the cap was exceeded (the caller should stop reading). */
    boolean add(byte[] bytes, int offset, int count) {
        int take = Math.min(count, cap - length);
        ensure(length + take);
        System.arraycopy(bytes, offset, data, length, take);
        length += take;
        truncated |= take < count;
        return !truncated;
    }

    boolean add(ByteBuffer buffer) {
        int count = buffer.remaining();
        int take = Math.min(count, cap - length);
        ensure(length + take);
        buffer.get(data, length, take);
        length += take;
        truncated |= take < count;
        return !truncated;
    }

    boolean truncated() {
        return truncated;
    }

    byte[] bytes() {
        return Arrays.copyOf(data, length);
    }

    private void ensure(int needed) {
        if (needed > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(cap, Math.max(needed, data.length * 2L)));
        }
    }
}
