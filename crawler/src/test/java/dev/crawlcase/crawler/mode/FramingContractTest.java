package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same bytes give the same record in every mode: each response below is written by a raw loopback server (which
 * then closes the connection) and crawled as a one-page site. Ambiguous or invalid framing is refused as protocol
 * (fetch.Framing says why); well-framed responses are fetched whole, also when their head's lines end in a bare LF.
 */
class FramingContractTest extends BadInputCrawlTest {
    private static final String BODY = "<html><title>framed page</title>body body body body</html>";
    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
    private static final String CHUNKED = Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n";
    private static final String REFUSED = "failed protocol status=null bytes=0 truncated=false attempts=2";
    private static final String FETCHED = "fetched null status=200 bytes=" + BODY.length() + " truncated=false attempts=1";

    /** Case name, the bytes served, the record every mode must write. */
    private record Case(String name, String response, String record) {
    }

    private static List<Case> cases() {
        int n = BODY.length();
        return List.of(
                new Case("content-length then chunked", HEAD + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + CHUNKED, REFUSED),
                new Case("chunked then content-length", HEAD + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
                        + CHUNKED, REFUSED),
                new Case("two different lengths", HEAD + "Content-Length: 10\r\nContent-Length: " + n + "\r\n\r\n" + BODY,
                        REFUSED),
                new Case("two equal lengths", HEAD + "Content-Length: " + n + "\r\nContent-Length: " + n + "\r\n\r\n"
                        + BODY, REFUSED),
                new Case("a list of lengths", HEAD + "Content-Length: " + n + ", " + n + "\r\n\r\n" + BODY, REFUSED),
                new Case("a negative length", HEAD + "Content-Length: -5\r\n\r\n" + BODY, REFUSED),
                new Case("a signed length", HEAD + "Content-Length: +" + n + "\r\n\r\n" + BODY, REFUSED),
                new Case("a length that is no number", HEAD + "Content-Length: abc\r\n\r\n" + BODY, REFUSED),
                new Case("a transfer coding other than chunked", HEAD + "Transfer-Encoding: gzip\r\n\r\n" + BODY,
                        REFUSED),
                new Case("chunked not last", HEAD + "Transfer-Encoding: chunked, gzip\r\n\r\n" + BODY, REFUSED),
                new Case("a bad chunk size", HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + BODY + "\r\n0\r\n\r\n",
                        REFUSED),
                new Case("HTTP/0.9, no status line", BODY, REFUSED),
                new Case("an HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", REFUSED),
                new Case("an HTTP/2 SETTINGS frame", "\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u0000\u0000", REFUSED),
                new Case("one length", HEAD + "Content-Length: " + n + "\r\n\r\n" + BODY, FETCHED),
                new Case("chunked", HEAD + "Transfer-Encoding: chunked\r\n\r\n" + CHUNKED, FETCHED),
                new Case("no length, read to the close", "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + BODY,
                        FETCHED),
                // a lone LF ends a head line in every mode (RFC 9112 section 2.2 allows it; fetch.SplitFramingCheck)
                new Case("a head whose lines end in a bare LF", "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: "
                        + n + "\n\n" + BODY, FETCHED),
                new Case("a status line ended by a bare LF", "HTTP/1.1 200 OK\n" + HEAD.substring(HEAD.indexOf('\n') + 1)
                        + "Content-Length: " + n + "\r\n\r\n" + BODY, FETCHED),
                new Case("a head ended by a bare LF", HEAD + "Content-Length: " + n + "\r\n\n" + BODY, FETCHED),
                new Case("a chunked head in bare LFs", "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding:"
                        + " chunked\n\n" + CHUNKED, FETCHED),
                new Case("content-length then chunked in bare LFs", "HTTP/1.1 200 OK\nContent-Type: text/html\n"
                        + "Content-Length: 3\nTransfer-Encoding: chunked\n\n" + CHUNKED, REFUSED));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyModeRecordsTheSameOutcomeForTheSameBytes(Mode mode) {
        BadInputServersTest.assumeAvailable(mode);
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Case c : cases()) {
            Buffer bytes = Buffer.buffer(c.response().getBytes(StandardCharsets.ISO_8859_1));
            String base = sites.raw(socket -> socket.write(bytes).onComplete(ar -> socket.close()));
            TestCrawl crawl = TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 4,
                    dir.resolve("case" + actual.size()), List.of(base + "/"), cfg -> cfg.retries(1, 1, 5)));
            assertThat(crawl.records()).as(c.name()).hasSize(1);
            expected.put(c.name(), c.record());
            actual.put(c.name(), describe(crawl.records().get(0)));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String describe(CrawlRecord r) {
        return r.outcome().label()
                + " " + r.reason() + " status=" + r.status() + " bytes=" + r.bytes() + " truncated=" + r.truncated()
                + " attempts=" + r.attempts();
    }
}
