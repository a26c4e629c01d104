package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.PageDetails;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DuplicateMarks}: the smallest (depth, URL) of equal digests is the original, whatever the file's order. */
class DuplicateMarksTest {
    @TempDir
    Path dir;

    private static CrawlRecord page(String url, int depth, String sha256) {
        PageDetails details = sha256 == null ? null : new PageDetails(List.of(), List.of(), List.of(), sha256, null, null);
        return new CrawlRecord(url, null, 200, depth, 10, "text/html", "t", 0, 1, 1, Outcome.FETCHED, null, false,
                Mode.ASYNC, null, details);
    }

    private Path write(List<CrawlRecord> records) throws IOException {
        Path file = dir.resolve("records.jsonl");
        Files.write(file, records.stream().map(CrawlRecordJson::toLine).toList());
        return file;
    }

    private static Map<String, String> marks(Path file) {
        return RecordsFile.read(file).stream().filter(r -> r.duplicateOf() != null)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::duplicateOf));
    }

    @Test
    void theShallowestThenSmallestUrlIsTheOriginalInAnyOrderOfTheFile() throws IOException {
        CrawlRecord deepFirst = page("http://h/a.html", 2, "x");
        CrawlRecord c = page("http://h/c.html", 1, "x");
        CrawlRecord b = page("http://h/b.html", 1, "x");
        CrawlRecord alone = page("http://h/alone.html", 0, "y");
        CrawlRecord basic = page("http://h/basic.html", 1, null);
        CrawlRecord truncated = new CrawlRecord("http://h/cut.html", null, 200, 0, 10, "text/html", "t", 0, 1, 1,
                Outcome.FETCHED, null, true, Mode.ASYNC, null, b.details());
        CrawlRecord sitemap = page("http://h/sitemap.xml", 0, "x").withKind(FetchTask.Kind.SITEMAP);
        Path file = write(List.of(deepFirst, c, alone, basic, truncated, sitemap, b));

        assertThat(DuplicateMarks.mark(file)).isEqualTo(2);
        assertThat(marks(file)).isEqualTo(Map.of("http://h/a.html", "http://h/b.html", "http://h/c.html", "http://h/b.html"));
        // the order of lines and every other field stay as they were
        List<CrawlRecord> read = RecordsFile.read(file);
        assertThat(read).extracting(CrawlRecord::url).containsExactly("http://h/a.html", "http://h/c.html",
                "http://h/alone.html", "http://h/basic.html", "http://h/cut.html", "http://h/sitemap.xml", "http://h/b.html");
        assertThat(read.get(0)).isEqualTo(deepFirst.withDuplicateOf("http://h/b.html"));
        assertThat(read.get(2)).isEqualTo(alone);
    }

    @Test
    void markingAgainChangesNothingAndAFileWithoutDuplicatesIsLeftAlone() throws IOException {
        Path file = write(List.of(page("http://h/a.html", 1, "x"), page("http://h/b.html", 1, "x")));
        DuplicateMarks.mark(file);
        byte[] once = Files.readAllBytes(file);
        assertThat(DuplicateMarks.mark(file)).isEqualTo(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(once);

        Path plain = write(List.of(page("http://h/a.html", 1, "x"), page("http://h/b.html", 1, "y")));
        byte[] before = Files.readAllBytes(plain);
        assertThat(DuplicateMarks.mark(plain)).isZero();
        assertThat(Files.readAllBytes(plain)).isEqualTo(before);
        assertThat(Files.list(dir)).containsExactly(plain);
    }

    @Test
    void aRecordsFileThatCannotBeReadIsAnOutputFailureNamingIt() {
        Path missing = dir.resolve("none.jsonl");
        assertThatThrownBy(() -> DuplicateMarks.mark(missing)).isInstanceOf(OutputFailure.class)
                .satisfies(e -> assertThat(((OutputFailure) e).file()).isEqualTo(missing));
    }
}
