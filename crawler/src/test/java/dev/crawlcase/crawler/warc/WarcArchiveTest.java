package dev.crawlcase.crawler.warc;

import dev.crawlcase.crawler.output.OutputFailure;
import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.ResponseCapture;
import dev.crawlcase.crawler.task.ResponseCapture.Header;
import dev.crawlcase.crawler.testkit.WarcReaders;
import dev.crawlcase.crawler.testkit.WarcReaders.Capture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The archive's records for each kind of attempt, its rotation, and the repair of a torn last record. */
class WarcArchiveTest {
    private static final byte[] PAGE = "<html><title>t</title><a href=/b>b</a></html>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private WarcArchive open(long fileBytes, boolean resume) {
        return WarcArchive.open(new WarcSettings(dir, fileBytes, "crawlcase-test", true), resume);
    }

    private static FetchTask task(String url, int attempt) {
        return new FetchTask(1, url, 0, attempt, 0, FetchTask.Kind.PAGE);
    }

    private static FetchResult response(int status, String type, byte[] raw, boolean whole) {
        List<Header> headers = List.of(new Header("content-length", "999"), new Header("content-type", type),
                new Header("transfer-encoding", "chunked"), new Header("x-b", "1"), new Header("x-b", "2"));
        return new FetchResult(status, type, null, raw, raw.length, !whole, null, -1, null, 12,
                new ResponseCapture(headers, raw, whole));
    }

    private static void writeEveryKind(WarcArchive archive) {
        archive.write(task("http://127.0.0.1:1/a", 1), response(200, "text/html", PAGE, true));
        archive.write(task("http://127.0.0.1:1/missing", 1), response(404, "text/html", new byte[0], true));
        archive.write(task("http://127.0.0.1:1/slow", 1), FetchResult.failure(ErrorKind.TIMEOUT_FIRST_BYTE, 400));
        archive.write(task("http://127.0.0.1:2/", 2), FetchResult.failure(ErrorKind.REFUSED, 1));
        archive.write(task("http://127.0.0.1:1/big.pdf", 1), response(200, "application/pdf", new byte[0], false));
        archive.write(task("http://127.0.0.1:1/huge", 1), response(200, "text/html", Arrays.copyOf(PAGE, 10), false));
    }

    @Test
    void eachKindOfAttemptGetsItsRecordsAndBothReadersAcceptThem() throws Exception {
        WarcArchive archive = open(WarcSettings.DEFAULT_MAX_FILE_BYTES, false);
        writeEveryKind(archive);
        archive.close();

        List<Path> files = WarcReaders.files(dir);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("crawlcase-\\d{17}-00000\\.warc\\.gz");
        List<Capture> records = WarcReaders.read(files);
        assertThat(records).extracting(Capture::type).containsExactly("warcinfo", "request", "response", "request",
                "response", "request", "metadata", "metadata", "request", "response", "request", "response");
        Capture page = records.get(2);
        assertThat(page.uri()).isEqualTo("http://127.0.0.1:1/a");
        assertThat(page.payloadSha1()).isEqualTo(WarcReaders.sha1(PAGE));
        // the stored body has no chunked framing; its length is what the record holds
        assertThat(page.headers()).contains("content-length: " + PAGE.length).doesNotContain("transfer-encoding")
                .contains("x-b: 1\nx-b: 2");
        assertThat(records.get(1).block()).startsWith("GET /a HTTP/1.1\r\nhost: 127.0.0.1:1\r\n")
                .contains("user-agent: crawlcase-test");
        assertThat(records.get(6).block()).contains("fetchError: timeout_first_byte");
        assertThat(records.get(7).block()).as("refused: no request was sent").contains("fetchError: refused");
        assertThat(records.get(9).truncated()).isEqualTo("UNSPECIFIED");
        assertThat(records.get(11).truncated()).isEqualTo("LENGTH");
        assertThat(records.get(0).block()).contains("software: crawlcase").contains("robots: obey");

        WarcReaders.validateWithJwarc(files);
        assertThat(WarcReaders.readWithWarcio(files)).hasSize(records.size());
    }

    @Test
    void filesRotateBySizeEachWithItsWarcinfo() throws Exception {
        WarcArchive archive = open(4096, false);
        for (int i = 0; i < 40; i++) {
            archive.write(task("http://127.0.0.1:1/p" + i, 1), response(200, "text/html", PAGE, true));
        }
        archive.close();

        List<Path> files = WarcReaders.files(dir);
        assertThat(files).hasSizeGreaterThan(2).isEqualTo(archive.files());
        for (Path file : files) {
            assertThat(WarcReaders.read(List.of(file)).get(0).type()).isEqualTo("warcinfo");
        }
        assertThat(WarcReaders.read(files)).filteredOn(c -> c.type().equals("response")).hasSize(40);
        WarcReaders.validateWithJwarc(files);
    }

    /** A closed archive of one file holding every kind of attempt (12 records). */
    private Path fileOfEveryKind() throws Exception {
        WarcArchive archive = open(WarcSettings.DEFAULT_MAX_FILE_BYTES, false);
        writeEveryKind(archive);
        archive.close();
        return WarcReaders.files(dir).get(0);
    }

    @Test
    void aTornLastRecordIsCutWhenACrawlResumes() throws Exception {
        Path file = fileOfEveryKind();
        byte[] whole = Files.readAllBytes(file);
        // a kill in the middle of an append: the first half of one more gzip member
        byte[] member = gzip("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n");
        Files.write(file, Arrays.copyOf(member, member.length / 2), StandardOpenOption.APPEND);

        WarcArchive resumed = open(WarcSettings.DEFAULT_MAX_FILE_BYTES, true);
        resumed.write(task("http://127.0.0.1:1/after", 1), response(200, "text/html", PAGE, true));
        resumed.close();

        assertThat(Files.readAllBytes(file)).isEqualTo(whole);
        List<Path> files = WarcReaders.files(dir);
        assertThat(files).hasSize(2);
        WarcReaders.validateWithJwarc(files);
        assertThat(WarcReaders.readWithWarcio(files)).hasSize(12 + 3);
    }

    @Test
    void aRecordCutShortInsideItsMemberIsCutWhole() throws Exception {
        Path file = fileOfEveryKind();
        long size = Files.size(file);
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 7);
        }

        long cut = WarcFileRepair.cutTornTail(file);

        assertThat(cut).isPositive();
        List<Capture> records = WarcReaders.read(List.of(file));
        assertThat(records).hasSize(11);
        WarcReaders.validateWithJwarc(List.of(file));
        assertThat(WarcFileRepair.cutTornTail(file)).as("a whole file stays as it is").isZero();
    }

    @Test
    void writingAfterCloseIsABug() {
        WarcArchive archive = open(WarcSettings.DEFAULT_MAX_FILE_BYTES, false);
        archive.close();
        assertThatThrownBy(() -> archive.write(task("http://127.0.0.1:1/a", 1), response(200, "text/html", PAGE, true)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFolderThatCannotBeCreatedIsAnOutputFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> WarcArchive.open(new WarcSettings(file.resolve("warc"), 4096, "ua", true), false))
                .isInstanceOf(OutputFailure.class).hasMessageStartingWith("WARC folder " + file.resolve("warc"));
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
