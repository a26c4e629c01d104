package dev.crawlcase.crawler.state;

import dev.crawlcase.crawler.output.OutputFailure;
import dev.crawlcase.crawler.state.StateException.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A crawl's durable state in one H2 MVStore file ({@value #FILE} in the state folder): every discovered URL with
 * its smallest depth, or a mark that it has its record ({@code found}); every record's JSON line by sequence number,
 * in the order they reach the JSONL file ({@code records}); and what the crawl was started with ({@code meta}).
 * MVStore is append-only and copy-on-write: a commit writes a new chunk, and after a crash the store opens at the
 * last complete commit, so a batch is in the store whole or not at all. Each commit also stores a checksum of every
 * entry ({@link StateChecksum}) and the commit count, and then updates a seal file ({@link StateSeal}); a resume
 * refuses a store whose entries do not match the checksum ({@code DAMAGED}) or that is behind its seal
 * ({@code BEHIND}: cut short, or an older copy put back), rather than crawl from damaged data. Blocking: call it from worker threads or
 * the main thread, never an event loop. One process at a time (MVStore locks the file).
 */
public final class StateStore implements AutoCloseable {
    public static final String FILE = "crawl-state.mv.db";
    /** {@code found} value of a URL whose record is written and that was fetched at least once. */
    static final int DONE_FETCHED = -1;
    /** {@code found} value of a URL whose record is written without a fetch (skipped by scope, robots, depth...). */
    static final int DONE_UNFETCHED = -2;
    private static final int CACHE_MB = 8;
    /** meta keys of the bookkeeping itself (the checksum covers every other entry). */
    private static final String SUM = "sum";
    private static final String COMMITS = "commits";
    /** meta key of the {@link JournalMark}: how far the store is in step with its journal's copy. */
    private static final String JOURNAL = "journal";

    private final Path dir;
    private final MVStore store;
    private final MVMap<String, Integer> found;
    private final MVMap<Long, String> records;
    private final MVMap<String, String> meta;
    private final StateChecksum checksum;
    private long commits;
    private volatile boolean broken;
    private volatile JournalCopy copy = JournalCopy.NONE;

    private StateStore(Path dir, MVStore store) {
        this.dir = dir;
        this.store = store;
        this.found = store.openMap("found");
        this.records = store.openMap("records");
        this.meta = store.openMap("meta");
        String sum = meta.get(SUM);
        this.checksum = new StateChecksum(sum == null ? 0 : Long.parseUnsignedLong(sum, 16));
        String n = meta.get(COMMITS);
        this.commits = n == null ? 0 : Long.parseLong(n);
    }

    /**
     * Opens the state in {@code dir}: a new one (the folder is created; it must not hold a state yet), or with
     * {@code resume} the one a crawl left there. Every problem is a {@link StateException} naming it.
     */
    public static StateStore open(Path dir, boolean resume) {
        Path file = dir.resolve(FILE);
        boolean exists = Files.exists(file);
        if (resume && !exists) {
            throw new StateException(Problem.NO_STATE, dir, "no crawl state in " + dir);
        }
        if (!resume && exists) {
            throw new StateException(Problem.ALREADY_HOLDS_STATE, dir, dir + " already holds a crawl state");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | UncheckedIOException e) {
            throw new StateException(Problem.CANNOT_CREATE, dir, "cannot create the folder (" + e.getMessage() + ")");
        }
        StateStore opened;
        try {
            MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(CACHE_MB)
                    .open();
            opened = new StateStore(dir, store);
        } catch (MVStoreException e) {
            // another process's lock; an overlap is this JVM's own (a failed open that left its channel behind)
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED
                    && !(e.getCause() instanceof OverlappingFileLockException)) {
                throw new StateException(Problem.LOCKED, dir, FILE + " is in use by another process (a crawl that"
                        + " still runs on this state)");
            }
            throw new StateException(Problem.CANNOT_OPEN, dir, "cannot open " + FILE + " (" + firstLine(e) + ")");
        } catch (RuntimeException e) {
            throw new StateException(Problem.CANNOT_OPEN, dir, "cannot open " + FILE + " (" + firstLine(e) + ")");
        }
        if (resume) {
            try {
                opened.verify();
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }
        return opened;
    }

    /**
     * Refuses a store that is behind its {@link StateSeal} (cut short, or an older copy put back: MVStore opens
     * those at an older commit as if nothing happened) or whose entries do not add up to their checksum.
     */
    private void verify() {
        StateSeal seal = StateSeal.read(dir);
        if (seal != null && seal.commits() > commits) {
            throw new StateException(Problem.BEHIND, dir, FILE + " is behind the crawl's last commit (it holds "
                    + commits + " of " + seal.commits() + " commits): it was cut short, or an older copy was put"
                    + " back");
        }
        if (meta.containsKey(SUM)) {
            StateChecksum actual = new StateChecksum(0);
            try {
                found.forEach((k, v) -> actual.add("found", k, v));
                records.forEach((k, v) -> actual.add("records", k, v));
                meta.forEach((k, v) -> {
                    if (!k.equals(SUM) && !k.equals(COMMITS)) {
                        actual.add("meta", k, v);
                    }
                });
            } catch (RuntimeException e) {
                throw new StateException(Problem.DAMAGED, dir, FILE + " is damaged (" + firstLine(e) + ")");
            }
            if (actual.value() != checksum.value()) {
                throw new StateException(Problem.DAMAGED, dir, FILE + " is damaged: what it holds does not match"
                        + " its checksum");
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** What the crawl was started with; written once when the state is new. */
    public void describe(StateMeta m) {
        committing(() -> putMeta("meta", m.toJson().encode()));
    }

    /** What the crawl was started with, or null if the state has none (a state that never got going). */
    public StateMeta meta() {
        String json = meta.get("meta");
        return json == null ? null : StateMeta.fromJson(new JsonObject(json));
    }

    /**
     * Writes one batch and commits it: found URLs (depths and done marks) and the records that follow them. A
     * failure (disk full) is an {@link OutputFailure}; the last complete commit stays for a resume.
     */
    void write(StateBatch batch) {
        write(batch, null);
    }

    /**
     * Like {@link #write(StateBatch)}, with the mark of the journal's copy that holds the batch (null: none)
     * committed in the same commit.
     */
    void write(StateBatch batch, JournalMark mark) {
        committing(() -> {
            if (mark != null) {
                putMeta(JOURNAL, mark.text());
            }
            batch.found().forEach((url, depth) -> {
                Integer old = found.get(url);
                int kept = StateBatch.kept(old, depth);
                if (old != null && old == kept) {
                    return;
                }
                found.put(url, kept);
                if (old != null) {
                    checksum.remove("found", url, old);
                }
                checksum.add("found", url, kept);
            });
            long seq = batch.firstSeq();
            for (String line : batch.recordLines()) {
                String old = records.put(seq, line);
                if (old != null) {
                    checksum.remove("records", seq, old);
                }
                checksum.add("records", seq++, line);
            }
        });
    }

    /**
     * Applies a batch of the journal's copy and commits it with {@code mark}: how a store is brought up to date
     * from the copy when its own disk's commits fell behind (another node wrote them). A batch the store already
     * holds changes nothing.
     */
    public void replay(StateBatch batch, JournalMark mark) {
        write(batch, mark);
    }

    /** Commits {@code mark} alone: the store is in step with that batch of the copy. */
    public void mark(JournalMark mark) {
        committing(() -> putMeta(JOURNAL, mark.text()));
    }

    /** How far the store is in step with its journal's copy; null when it never was. */
    public JournalMark journalMark() {
        String text = meta.get(JOURNAL);
        return text == null ? null : JournalMark.parse(text);
    }

    /**
     * The whole store as batches of at most {@code size} entries each: every URL with its depth or done mark, then
     * every record in order. Replayed into an empty store, they make the same state: what a new copy of the
     * journal starts from.
     */
    public void snapshot(int size, Consumer<StateBatch> batches) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        Map<String, Integer> urls = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            urls.put(e.getKey(), e.getValue());
            if (urls.size() == size) {
                batches.accept(new StateBatch(urls, List.of(), 0));
                urls = new LinkedHashMap<>();
            }
        }
        if (!urls.isEmpty()) {
            batches.accept(new StateBatch(urls, List.of(), 0));
        }
        List<String> lines = new ArrayList<>();
        long first = 0;
        Cursor<Long, String> cursor = records.cursor(0L);
        while (cursor.hasNext()) {
            long seq = cursor.next();
            if (lines.isEmpty()) {
                first = seq;
            }
            lines.add(cursor.getValue());
            if (lines.size() == size) {
                batches.accept(new StateBatch(Map.of(), lines, first));
                lines = new ArrayList<>();
            }
        }
        if (!lines.isEmpty()) {
            batches.accept(new StateBatch(Map.of(), lines, first));
        }
    }

    /** Where this store's batches are also shipped before each commit ({@link StateJournal}); set once opened. */
    public void copiedTo(JournalCopy copy) {
        this.copy = copy;
    }

    JournalCopy copy() {
        return copy;
    }

    private void putMeta(String key, String value) {
        String old = meta.put(key, value);
        if (old != null) {
            checksum.remove("meta", key, old);
        }
        checksum.add("meta", key, value);
    }

    /**
     * Applies {@code changes}, then commits with the checksum and commit count inside, syncs, and seals: the seal
     * never runs ahead. A failed write breaks the store for this process.
     */
    private void committing(Runnable changes) {
        try {
            changes.run();
            commits++;
            meta.put(SUM, Long.toHexString(checksum.value()));
            meta.put(COMMITS, Long.toString(commits));
            store.commit();
            store.sync();
            new StateSeal(commits).write(dir);
        } catch (RuntimeException e) {
            broken = true;
            throw new OutputFailure("crawl state", dir.resolve(FILE), e,
                    "free space, then run again with --state " + dir + " --resume");
        }
    }

    /** Records written so far, which is also the next record's sequence number. */
    public long recordCount() {
        return records.sizeAsLong();
    }

    /** The record lines from sequence number {@code from} on, in order. */
    public void forEachRecord(long from, Consumer<String> line) {
        Cursor<Long, String> cursor = records.cursor(from);
        while (cursor.hasNext()) {
            cursor.next();
            line.accept(cursor.getValue());
        }
    }

    /** Every URL with a record ({@code true}: it was fetched), then the ones still to do with their depth. */
    public void forEachUrl(BiConsumer<String, Boolean> done, BiConsumer<String, Integer> toDo) {
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            if (e.getValue() < 0) {
                done.accept(e.getKey(), e.getValue() == DONE_FETCHED);
            }
        }
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            if (e.getValue() >= 0) {
                toDo.accept(e.getKey(), e.getValue());
            }
        }
    }

    public boolean finished() {
        return "true".equals(meta.get("finished"));
    }

    /** Marks the crawl finished: every discovered URL has its record. */
    public void markFinished() {
        committing(() -> putMeta("finished", "true"));
    }

    /**
     * Closes the store. After a failed write it is closed without a last commit: that failure was already
     * reported, and what was committed before it is what a resume starts from.
     */
    @Override
    public void close() {
        if (store.isClosed()) {
            return;
        }
        if (broken) {
            store.closeImmediately();
        } else {
            store.close();
        }
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Seeds and output files of the crawl, so a resume needs only {@code --state DIR --resume}; {@code warc} is the
     * WARC folder, null when the crawl keeps none.
     */
    public record StateMeta(List<String> seeds, boolean bundledSites, Path records, Path summary, Path warc) {
        public StateMeta(List<String> seeds, boolean bundledSites, Path records, Path summary) {
            this(seeds, bundledSites, records, summary, null);
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject().put("seeds", new JsonArray(seeds)).put("bundledSites", bundledSites)
                    .put("records", records.toString()).put("summary", summary.toString());
            return warc == null ? json : json.put("warc", warc.toString());
        }

        static StateMeta fromJson(JsonObject json) {
            String warc = json.getString("warc");
            return new StateMeta(json.getJsonArray("seeds").stream().map(String::valueOf).toList(),
                    json.getBoolean("bundledSites"), Path.of(json.getString("records")),
                    Path.of(json.getString("summary")), warc == null ? null : Path.of(warc));
        }
    }
}
