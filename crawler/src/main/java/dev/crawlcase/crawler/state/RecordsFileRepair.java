package dev.crawlcase.crawler.state;

import dev.crawlcase.crawler.state.StateException.Problem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Before a resume, brings the JSONL records file in line with the {@link StateStore}: a torn last line (the process
 * died mid-write) is cut off, and the records the store committed but the file had not yet received are appended.
 * The file can only lag the store (records reach it after their commit, in the store's order), so its n complete
 * lines are the store's records 0..n-1; a file with more lines than the store has records is another crawl's.
 * Blocking; runs before the crawl starts.
 */
public final class RecordsFileRepair {
    /** What the repair did: bytes of a torn line cut off, complete lines kept, lines appended from the store. */
    public record Result(long tornBytes, long keptLines, long appendedLines) {
    }

    private RecordsFileRepair() {
    }

    public static Result repair(Path file, StateStore store) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file);
            }
            long torn = cutTornTail(file);
            long lines = countLines(file);
            long committed = store.recordCount();
            if (lines > committed) {
                throw new StateException(Problem.FOREIGN_RECORDS, file, "records file " + file + " holds " + lines + " records but the state in "
                        + store.dir() + " has only " + committed + ": not this crawl's records file");
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                store.forEachRecord(lines, line -> write(out, line));
            }
            return new Result(torn, lines, committed - lines);
        } catch (IOException | UncheckedIOException e) {
            throw new StateException(Problem.RECORDS_IO, file, "records file " + file + ": " + e.getMessage());
        }
    }

    /** Truncates the file after its last newline; returns how many bytes were cut. */
    private static long cutTornTail(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long end = size;
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (end > 0) {
                long start = Math.max(0, end - buf.capacity());
                buf.clear().limit((int) (end - start));
                ch.read(buf, start);
                for (int i = (int) (end - start) - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        ch.truncate(start + i + 1);
                        return size - (start + i + 1);
                    }
                }
                end = start;
            }
            ch.truncate(0);
            return size;
        }
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static void write(BufferedWriter out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
