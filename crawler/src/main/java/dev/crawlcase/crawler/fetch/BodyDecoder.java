package dev.crawlcase.crawler.fetch;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.github.luben.zstd.ZstdInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the Content-Encoding of a body: gzip, deflate (zlib or raw), br (brotli4j) and zstd (zstd-jni), the
 * codings both clients ask for in {@link #ACCEPT_ENCODING}. Decodes at most {@code cap} bytes, so a bomb of any of
 * them costs at most {@code cap} bytes of memory and is marked truncated. Unknown encodings are passed through as
 * they are; so is a body that is not in its named coding at all (a server that labels plain HTML br), marked
 * truncated because it could not be decoded. Blocking CPU work: the async fetcher runs it on a worker thread.
 */
final class BodyDecoder {
    /** What both clients send: every coding decoded here. */
    static final String ACCEPT_ENCODING = "gzip, deflate, br, zstd";

    record Decoded(byte[] body, boolean truncated) {
    }

    private BodyDecoder() {
    }

    /** Whether a body in this Content-Encoding needs decoding (anything but none and identity). */
    static boolean encoded(String contentEncoding) {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return !enc.isEmpty() && !enc.equals("identity");
    }

    static Decoded decode(byte[] raw, String contentEncoding, int cap) {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (raw.length == 0) {
            return new Decoded(raw, false);
        }
        try {
            switch (enc) {
                case "gzip", "x-gzip":
                    return inflate(new GZIPInputStream(new ByteArrayInputStream(raw)), cap, raw);
                case "deflate":
                    boolean zlib = raw.length >= 2 && ((raw[0] & 0xff) << 8 | (raw[1] & 0xff)) % 31 == 0;
                    return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(!zlib)), cap, raw);
                case "br":
                    Brotli4jLoader.ensureAvailability();
                    return inflate(new BrotliInputStream(new ByteArrayInputStream(raw)), cap, raw);
                case "zstd":
                    return inflate(new ZstdInputStream(new ByteArrayInputStream(raw)), cap, raw);
                default:
                    return new Decoded(raw, false);
            }
        } catch (IOException e) {
            return new Decoded(raw, true);
        }
    }

    /**
     * Reads up to cap bytes; a stream that ends early (cut or corrupt) keeps what was decoded, marked truncated, and
     * one that yields nothing at all keeps the raw bytes.
     */
    private static Decoded inflate(InputStream in, int cap, byte[] raw) {
        byte[] out = new byte[Math.min(cap, 64 << 10)];
        int len = 0;
        try (in) {
            while (len < cap) {
                if (len == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(cap, out.length * 2L));
                }
                int n = in.read(out, len, out.length - len);
                if (n < 0) {
                    return new Decoded(Arrays.copyOf(out, len), false);
                }
                len += n;
            }
            return new Decoded(Arrays.copyOf(out, len), in.read() >= 0);
        } catch (IOException | RuntimeException e) {
            // zstd-jni reports a corrupt frame as an unchecked exception
            return new Decoded(len == 0 ? raw : Arrays.copyOf(out, len), true);
        }
    }
}
