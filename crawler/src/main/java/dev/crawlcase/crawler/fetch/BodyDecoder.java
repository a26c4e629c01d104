package dev.crawlcase.crawler.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a Content-Encoding the server sent although we asked for none. Inflates at most {@code cap} bytes, so a
 * gzip bomb costs at most {@code cap} bytes of memory. Unknown encodings are passed through as they are.
 */
final class BodyDecoder {

    record Decoded(byte[] body, boolean truncated) {
    }

    private BodyDecoder() {
    }

    static Decoded decode(byte[] raw, String contentEncoding, int cap) {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (raw.length == 0) {
            return new Decoded(raw, false);
        }
        try {
            switch (enc) {
                case "gzip", "x-gzip":
                    return inflate(new GZIPInputStream(new ByteArrayInputStream(raw)), cap);
                case "deflate":
                    boolean zlib = raw.length >= 2 && ((raw[0] & 0xff) << 8 | (raw[1] & 0xff)) % 31 == 0;
                    return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(!zlib)), cap);
                default:
                    return new Decoded(raw, false);
            }
        } catch (IOException e) {
            return new Decoded(new byte[0], true);
        }
    }

    /** Reads up to cap bytes; a stream that ends early (cut or corrupt) keeps what was decoded, marked truncated. */
    private static Decoded inflate(InputStream in, int cap) {
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
        } catch (IOException e) {
            return new Decoded(Arrays.copyOf(out, len), true);
        }
    }
}
