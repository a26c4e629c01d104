package dev.crawlcase.crawler.warc;

import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Cuts a torn last record off a WARC file, as {@code state.RecordsFileRepair} cuts a torn last line off the records
 * file: a crawl killed while a record was being appended leaves part of a gzip member at the end, which every reader
 * stops at. Every record before it is kept.
 */
public final class WarcFileRepair {
    private WarcFileRepair() {
    }

    /** The newest crawlcase WARC file in {@code dir} (the only one a kill can have left open), if any. */
    public static Optional<Path> newest(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("crawlcase-")
                            && p.getFileName().toString().endsWith(WarcArchive.SUFFIX))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code file} record by record and truncates it after the last one that reads whole; the bytes cut off
     * (0 when the file was whole).
     */
    public static long cutTornTail(Path file) {
        long good;
        try (WarcReader reader = new WarcReader(file)) {
            good = endOfLastWholeRecord(reader, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (good < size) {
                channel.truncate(good);
                channel.force(true);
            }
            return size - good;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * jwarc's {@link WarcReader#position()} is where the record being read begins (in the compressed file), set before
     * the record is parsed: where reading one fails, that is where the torn record begins and every byte before it is
     * whole records.
     */
    private static long endOfLastWholeRecord(WarcReader reader, long size) {
        while (true) {
            try {
                Optional<WarcRecord> record = reader.next();
                if (record.isEmpty()) {
                    return size;
                }
                record.get().body().consume();
            } catch (IOException | RuntimeException e) {
                return reader.position();
            }
        }
    }
}
