package dev.crawlcase.crawler.warc;

import dev.crawlcase.crawler.output.OutputFailure;
import dev.crawlcase.crawler.task.FetchArchive;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a crawl's WARC files: {@code crawlcase-<start time>-<sequence>.warc.gz} in one folder (with a
 * {@link WarcSettings#name()}, {@code crawlcase-<name>-<start time>-<sequence>.warc.gz}), each opening with a
 * {@code warcinfo} record, the next started once one reaches {@link WarcSettings#maxFileBytes}. Thread-safe; every
 * call blocks on disk I/O, so callers run it off the event loops.
 *
 * <p>A file never ends in a torn record because of a failed write: an attempt's records are compressed into memory
 * first (one gzip member each) and appended in one go; if that write fails (a full disk), the file is cut back to
 * where the attempt began, the archive takes nothing more, {@link #failed()} completes so the crawl can stop, and
 * every later {@link #write} and {@link #close} throws the same {@link OutputFailure}. A crash (kill, power cut) can
 * still leave a torn tail: {@link WarcFileRepair} cuts it before a resumed crawl writes on.
 */
public final class WarcArchive implements FetchArchive {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    static final String SUFFIX = ".warc.gz";

    private final WarcSettings settings;
    private final String prefix;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
    private final WarcWriter encoder;
    private final CompletableFuture<OutputFailure> failed = new CompletableFuture<>();
    private int sequence = -1;
    private Path file;
    private FileChannel channel;
    private OutputFailure failure;
    private boolean closed;

    private WarcArchive(WarcSettings settings, Instant started) throws IOException {
        this.settings = settings;
        this.prefix = "crawlcase-" + (settings.name() == null ? "" : settings.name() + "-") + STAMP.format(started);
        this.encoder = new WarcWriter(Channels.newChannel(buffer), WarcCompression.GZIP);
    }

    /**
     * Creates the folder and the first file. With {@code resume}, first cuts a torn last record off the folder's
     * newest WARC file (a crawl killed while writing); this crawl's own files come after it.
     */
    public static WarcArchive open(WarcSettings settings, boolean resume) {
        Path dir = settings.dir();
        try {
            Files.createDirectories(dir);
            if (resume) {
                WarcFileRepair.newest(dir).ifPresent(WarcFileRepair::cutTornTail);
            }
            WarcArchive archive = new WarcArchive(settings, Instant.now());
            archive.next();
            if (archive.failure != null) {
                throw archive.failure;
            }
            return archive;
        } catch (IOException | UncheckedIOException e) {
            throw new OutputFailure("WARC folder", dir, e, null);
        }
    }

    @Override
    public synchronized void write(FetchTask task, FetchResult result) {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("WARC record written after close: " + task.url());
        }
        Instant began = Instant.now().minusMillis(result.fetchMillis());
        append(WarcRecords.of(task, result, settings.userAgent(), began));
        if (failure == null && size() >= settings.maxFileBytes()) {
            try {
                finish();
                next();
            } catch (IOException e) {
                fail(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Completes with the first failure; never completes when every write succeeds. */
    public CompletableFuture<OutputFailure> failed() {
        return failed;
    }

    /** The files written so far, in order (the last one is open until {@link #close}). */
    public synchronized List<Path> files() {
        return java.util.stream.IntStream.rangeClosed(0, sequence).mapToObj(this::name).toList();
    }

    /** Syncs and closes the open file; throws the first failure of the crawl or of the close. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            finish();
        } catch (IOException e) {
            fail(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void next() throws IOException {
        sequence++;
        file = name(sequence);
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        append(List.of(warcinfo(file.getFileName().toString())));
    }

    private Path name(int seq) {
        return settings.dir().resolve(String.format("%s-%05d%s", prefix, seq, SUFFIX));
    }

    private Warcinfo warcinfo(String filename) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("crawlcase"));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        fields.put("isPartOf", List.of(prefix));
        fields.put("robots", List.of(settings.obeyRobots() ? "obey" : "ignore"));
        fields.put("http-header-user-agent", List.of(settings.userAgent()));
        return new Warcinfo.Builder().filename(filename).date(Instant.now()).fields(fields).build();
    }

    /** Appends whole records or nothing: on a failed write the file is cut back to where they began. */
    private void append(List<? extends WarcRecord> records) {
        long start = -1;
        try {
            buffer.reset();
            for (WarcRecord r : records) {
                encoder.write(r);
            }
            start = channel.position();
            ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            cutBack(start);
            fail(e);
        }
    }

    private void cutBack(long start) {
        if (start < 0) {
            return;
        }
        try {
            channel.truncate(start);
            channel.position(start);
        } catch (IOException ignored) {
            // shrinking a file needs no space; if even that fails the failure already reported names the file
        }
    }

    private long size() {
        try {
            return channel.position();
        } catch (IOException e) {
            return 0;
        }
    }

    private void finish() throws IOException {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            channel.force(true);
        } finally {
            channel.close();
        }
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = new OutputFailure("WARC file", file, e, null);
            failed.complete(failure);
        }
    }
}
