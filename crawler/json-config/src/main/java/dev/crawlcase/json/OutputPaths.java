package dev.crawlcase.json;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one check of an output path, for every command of the crawler and the fake sites: run before any work, so
 * a path that can never be written is one line (a {@link ConfigException} naming the flag or key, exit code 2) up
 * front, not a failure after the work. A file may not be a folder or be named like one ({@code newdir/}), no existing
 * part of the way to it may be a plain file, and the nearest existing folder must take new files (permission, a
 * read-only or virtual file system such as /proc). Missing folders are not an error: the writers create them.
 * Nothing is left behind (the probe file that tests a folder is deleted at once). {@link #writeWhole} is the one way a
 * small output (summary, manifest, report data, bench results) is written: whole or not at all.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * The file a flag's text names; {@code newdir/} names a folder, and {@link Path#of} would drop the slash and
     * quietly write a file called {@code newdir}, so the slash is refused while it can still be seen.
     */
    public static Path fileNamed(String what, String value) {
        if (value.isEmpty() || value.endsWith("/") || value.endsWith(File.separator)) {
            throw new ConfigException(what, "names a folder (" + value + "), expected a file");
        }
        return Path.of(value);
    }

    /** One output file named {@code what} (a flag or "records file"): writable once its folders exist. */
    public static Path file(String what, Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new ConfigException(what + " " + file, "is a folder");
        }
        if (Files.exists(absolute)) {
            if (!Files.isWritable(absolute)) {
                throw new ConfigException(what + " " + file, "cannot be written (permission denied)");
            }
            return file;
        }
        creatableIn(what + " " + file, absolute.getParent());
        return file;
    }

    /** An output folder named {@code what}: a folder, or one that can be created. */
    public static Path folder(String what, Path dir) {
        Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new ConfigException(what + " " + dir, "is a file, expected a folder");
        }
        creatableIn(what + " " + dir, absolute);
        return dir;
    }

    /**
     * Writes {@code bytes} as the whole of {@code file}, or leaves what was there: its folders are created, the bytes
     * go to a scratch file beside it, are synced, and only then replace it, so a full disk leaves the old file, or
     * none, never half of one (the scratch file is removed). A device or pipe ({@code /dev/stdout},
     * {@code /dev/full}) cannot be replaced: it is written into as it is.
     */
    public static void writeWhole(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            writeSynced(target, bytes, false, StandardOpenOption.WRITE);
            return;
        }
        Path scratch = target.resolveSibling(target.getFileName() + ".part");
        try {
            writeSynced(scratch, bytes, true, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(scratch, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static void writeSynced(Path file, byte[] bytes, boolean sync, StandardOpenOption... options)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, options)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (sync) {
                ch.force(true);
            }
        }
    }

    /** The operating system's words for a failed write ("No space left on device"), not an exception's name. */
    public static String reason(Throwable e) {
        Throwable t = e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(t.getMessage());
    }

    /** Whether two paths name one file (spelt differently, or one relative and one absolute). */
    public static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** The nearest existing folder on the way to {@code dir} (itself included) takes a new file. */
    private static void creatableIn(String what, Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new ConfigException(what, p + " is not a folder");
                }
                probe(what, p);
                return;
            }
        }
    }

    /**
     * Creates and deletes a file in {@code folder}: the only test that is true for root (who passes every
     * permission check) and for virtual file systems such as /proc, which accept no new files.
     */
    private static void probe(String what, Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".crawlcase-", ".probe"));
        } catch (AccessDeniedException e) {
            throw new ConfigException(what, "cannot create files in " + folder + " (permission denied)");
        } catch (IOException | SecurityException e) {
            throw new ConfigException(what, "cannot create files in " + folder + " (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e instanceof NoSuchFileException ? "it takes no new files" : String.valueOf(e.getMessage());
    }
}
