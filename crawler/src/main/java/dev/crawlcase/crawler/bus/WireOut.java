package dev.crawlcase.crawler.bus;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Appends the primitives of the bus's binary form to a {@link Buffer}: unsigned varints for counts and small
 * non-negative numbers, zig-zag varints where -1 means "none", fixed longs for lease ids (their high bits may
 * carry an epoch), UTF-8 strings behind their byte length, and a null as length 0 (a string's length is stored
 * plus one).
 */
final class WireOut {
    private final Buffer buffer;

    WireOut(Buffer buffer) {
        this.buffer = buffer;
    }

    WireOut uvarint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative where the wire form wants a count: " + value);
        }
        return varint(value);
    }

    /** Zig-zag first, so that small negative numbers (-1 for "none") stay one byte. */
    WireOut svarint(long value) {
        return varint((value << 1) ^ (value >> 63));
    }

    /** Seven bits a byte, low bits first, the high bit set on every byte but the last; {@code v} read unsigned. */
    private WireOut varint(long v) {
        long rest = v;
        while ((rest & ~0x7FL) != 0) {
            buffer.appendByte((byte) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        buffer.appendByte((byte) rest);
        return this;
    }

    WireOut fixedLong(long value) {
        buffer.appendLong(value);
        return this;
    }

    WireOut bool(boolean value) {
        buffer.appendByte((byte) (value ? 1 : 0));
        return this;
    }

    /** An enum constant by ordinal plus one, 0 for null; both ends run the same code (the version byte says so). */
    WireOut constant(Enum<?> constant) {
        buffer.appendByte((byte) (constant == null ? 0 : constant.ordinal() + 1));
        return this;
    }

    WireOut string(String value) {
        if (value == null) {
            return uvarint(0);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        uvarint(bytes.length + 1L);
        buffer.appendBytes(bytes);
        return this;
    }

    WireOut bytes(byte[] value) {
        uvarint(value.length);
        buffer.appendBytes(value);
        return this;
    }
}
