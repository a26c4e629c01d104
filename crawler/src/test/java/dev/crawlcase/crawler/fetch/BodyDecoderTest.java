package dev.crawlcase.crawler.fetch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class BodyDecoderTest {

    private static final byte[] TEXT = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);

    @Test
    void identityPassesThrough() {
        assertThat(BodyDecoder.decode(TEXT, null, 100).body()).isEqualTo(TEXT);
        assertThat(BodyDecoder.decode(TEXT, "br", 100).body()).isEqualTo(TEXT);
    }

    @Test
    void gzipAndBothDeflateFlavoursAreInflated() throws IOException {
        assertThat(BodyDecoder.decode(gzip(TEXT), "gzip", 100).body()).isEqualTo(TEXT);
        assertThat(BodyDecoder.decode(deflate(TEXT, false), "deflate", 100).body()).isEqualTo(TEXT);
        assertThat(BodyDecoder.decode(deflate(TEXT, true), "Deflate", 100).body()).isEqualTo(TEXT);
    }

    @Test
    void inflationStopsAtTheCap() throws IOException {
        BodyDecoder.Decoded d = BodyDecoder.decode(gzip(new byte[10 << 20]), "gzip", 1000);
        assertThat(d.body()).hasSize(1000);
        assertThat(d.truncated()).isTrue();
    }

    @Test
    void cutOrCorruptStreamsKeepWhatWasDecodedAndAreMarkedTruncated() throws IOException {
        byte[] zipped = gzip(new byte[100_000]);
        BodyDecoder.Decoded cut = BodyDecoder.decode(Arrays.copyOf(zipped, zipped.length / 2), "gzip", 1 << 20);
        assertThat(cut.truncated()).isTrue();
        assertThat(BodyDecoder.decode("not gzip".getBytes(StandardCharsets.UTF_8), "gzip", 100).truncated()).isTrue();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
