package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.CrawlRecord;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settles {@code duplicateOf} in a finished records file: of the fetched pages whose records carry the same body
 * digest ({@link CrawlRecord#pageDigest()}, full records), the one with the smallest depth, then the smallest URL, is
 * the original, and every other is marked a duplicate of it. Settled once the crawl has ended rather than as records
 * are written, because "the page seen first" depends on each mode's timing, while depths are exact in every mode and
 * URLs are URLs: every mode, a resumed crawl and a cluster's merged file get the same marks.
 *
 * <p>Two streaming passes over the file (the digests of the distinct bodies are what is held in memory); the file is
 * rewritten beside itself, synced and moved over the old one only when some page is a duplicate, so a failure leaves
 * the file as it was, and marking again changes nothing. Blocking: {@link #mark(Vertx, Path)} runs it on a worker.
 */
public final class DuplicateMarks {
    private static final Comparator<CrawlRecord> FIRST =
            Comparator.comparingInt(CrawlRecord::depth).thenComparing(CrawlRecord::url);

    private DuplicateMarks() {
    }

    /** Marks {@code records} on a worker thread; a failure is an {@link OutputFailure} naming the file. */
    public static Future<Long> mark(Vertx vertx, Path records) {
        return vertx.executeBlocking(() -> mark(records), false);
    }

    /** Marks {@code records}; the number of pages marked a duplicate. */
    public static long mark(Path records) {
        Path scratch = records.resolveSibling(records.getFileName() + ".marking");
        try {
            Map<String, CrawlRecord> originals = originals(records);
            long duplicates = 0;
            try (BufferedReader in = Files.newBufferedReader(records, StandardCharsets.UTF_8);
                 BufferedWriter out = Files.newBufferedWriter(scratch, StandardCharsets.UTF_8)) {
                boolean changed = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        CrawlRecord r = CrawlRecordJson.fromLine(line);
                        String original = originalOf(r, originals);
                        if (original != null) {
                            duplicates++;
                        }
                        if (!Objects.equals(original, r.duplicateOf())) {
                            line = CrawlRecordJson.toLine(r.withDuplicateOf(original));
                            changed = true;
                        }
                    }
                    out.write(line);
                    out.write('\n');
                }
                if (!changed) {
                    out.close();
                    Files.delete(scratch);
                    return duplicates;
                }
            }
            try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(scratch, records, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return duplicates;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new OutputFailure("records file", records, e, null);
        }
    }

    /** Digest -> the record of the first page (smallest depth, then URL) with that body. */
    private static Map<String, CrawlRecord> originals(Path records) throws IOException {
        Map<String, CrawlRecord> originals = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    CrawlRecord r = CrawlRecordJson.fromLine(line);
                    if (r.pageDigest() != null) {
                        originals.merge(r.pageDigest(), slim(r), (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
                    }
                }
            }
        }
        return originals;
    }

    /** Only the depth and URL are compared: the rest of the record is not kept. */
    private static CrawlRecord slim(CrawlRecord r) {
        return new CrawlRecord(r.url(), null, null, r.depth(), 0, null, null, 0, 0, 0, null, null, false, null);
    }

    private static String originalOf(CrawlRecord r, Map<String, CrawlRecord> originals) {
        String digest = r.pageDigest();
        if (digest == null) {
            return null;
        }
        String original = originals.get(digest).url();
        return original.equals(r.url()) ? null : original;
    }
}
