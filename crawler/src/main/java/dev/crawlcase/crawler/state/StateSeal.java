package dev.crawlcase.crawler.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small file next to the store ({@value #FILE}) that remembers how many commits the store had. The store cannot tell by itself that it was cut short or replaced by an older copy:
 * MVStore then opens at an older complete commit, which looks like a valid, younger state. Written (atomically
 * replaced) after each commit is synced, so it is never ahead of the store it describes; unreadable or missing, it
 * says nothing.
 *
 * @param commits commits of the store when it was written
 */
record StateSeal(long commits) {
    static final String FILE = "crawl-state.seal";

    static StateSeal read(Path dir) {
        try {
            return new StateSeal(Long.parseLong(Files.readString(dir.resolve(FILE)).strip()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void write(Path dir) {
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, commits + "\n");
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }
}
