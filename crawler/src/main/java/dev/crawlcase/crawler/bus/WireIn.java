package dev.crawlcase.crawler.bus;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/** Reads what {@link WireOut} wrote, from a position in a {@link Buffer} onward. */
final class WireIn {
    private final Buffer buffer;
    private int pos;

    WireIn(Buffer buffer, int pos) {
        this.buffer = buffer;
        this.pos = pos;
    }

    long uvarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buffer.getByte(pos++);
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed varint at " + (pos - 1));
    }

    int count() {
        return Math.toIntExact(uvarint());
    }

    long svarint() {
        long v = uvarint();
        return (v >>> 1) ^ -(v & 1);
    }

    long fixedLong() {
        long value = buffer.getLong(pos);
        pos += Long.BYTES;
        return value;
    }

    boolean bool() {
        return buffer.getByte(pos++) != 0;
    }

    <E extends Enum<E>> E constant(E[] values) {
        int code = buffer.getByte(pos++) & 0xFF;
        if (code > values.length) {
            throw new IllegalStateException("no constant " + (code - 1) + " among " + values.length);
        }
        return code == 0 ? null : values[code - 1];
    }

    String string() {
        int length = count();
        if (length == 0) {
            return null;
        }
        String value = buffer.getString(pos, pos + length - 1, StandardCharsets.UTF_8.name());
        pos += length - 1;
        return value;
    }

    byte[] bytes() {
        int length = count();
        byte[] value = buffer.getBytes(pos, pos + length);
        pos += length;
        return value;
    }
}
