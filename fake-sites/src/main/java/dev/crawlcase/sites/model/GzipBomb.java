package dev.crawlcase.sites.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/** The body of a sitemap bomb: a URL set's opening tag and then blanks, gzip'd; built once per size per JVM. */
final class GzipBomb {
    private static final Map<Integer, byte[]> BODIES = new ConcurrentHashMap<>();

    private GzipBomb() {
    }

    /** The gzip'd body that inflates to a little over {@code inflatedBytes}. */
    static byte[] body(int inflatedBytes) {
        return BODIES.computeIfAbsent(inflatedBytes, GzipBomb::build);
    }

    private static byte[] build(int inflatedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] blanks = new byte[64 * 1024];
            Arrays.fill(blanks, (byte) ' ');
            for (int written = 0; written < inflatedBytes; written += blanks.length) {
                gz.write(blanks);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }
}
