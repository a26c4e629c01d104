package dev.crawlcase.sites.server;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import dev.crawlcase.sites.config.ContentCoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes a body in a {@link ContentCoding} with the libraries a real server would use (the JDK's zlib, Google's
 * brotli through brotli4j, zstd through zstd-jni). Blocking CPU work: callers run it on a worker thread.
 */
public final class BodyEncoder {
    private BodyEncoder() {
    }

    /** Whether an Accept-Encoding header value names this coding (q=0 refuses it). */
    static boolean accepted(String acceptEncoding, ContentCoding coding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] tokens = part.trim().split(";");
            if (tokens[0].trim().equals(coding.token())) {
                return tokens.length < 2 || !tokens[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    public static byte[] encode(byte[] body, ContentCoding coding) {
        try {
            return switch (coding) {
                case IDENTITY -> body;
                case GZIP -> stream(body, GZIPOutputStream::new);
                case DEFLATE -> stream(body, DeflaterOutputStream::new);
                case BR -> {
                    Brotli4jLoader.ensureAvailability();
                    yield Encoder.compress(body, new Encoder.Parameters().setQuality(5));
                }
                case ZSTD -> Zstd.compress(body, 3);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Wrapper {
        java.io.OutputStream wrap(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] stream(byte[] body, Wrapper wrapper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (java.io.OutputStream z = wrapper.wrap(out)) {
            z.write(body);
        }
        return out.toByteArray();
    }
}
