package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.PageDetails;
import dev.crawlcase.crawler.task.PageDetails.DropReason;
import dev.crawlcase.crawler.task.PageDetails.DroppedLink;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.task.ResponseCapture;
import dev.crawlcase.crawler.task.ResponseCapture.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a full record says about a page: every dropped link and why, canonical, robots directives, digest, text. */
class PageDetailsTest {
    private static final String URL = "http://127.0.0.1:8080/dir/page.html";
    private static final String HTML = "<html><head><title>T</title><link rel=Canonical href='/canon?a=1#x'>"
            + "<meta name=ROBOTS content='NoIndex, follow'></head><body><p>Hello <b>world</b></p>"
            + "<a href='a.html'>a</a><a href='mailto:x@y'>m</a><a href='http://'>bad</a>"
            + "<a href='/n' rel=nofollow>n</a><a href='a.html#top'>again</a></body></html>";
    private static final byte[] BODY = HTML.getBytes(StandardCharsets.UTF_8);
    private static final List<Header> HEADERS = List.of(new Header("content-type", "text/html"),
            new Header("x-robots-tag", "noarchive, otherbot: none"));

    private static FetchOutcome process(RecordDetail detail) {
        return process(BODY, HEADERS, detail, true);
    }

    private static FetchOutcome process(byte[] body, List<Header> headers, RecordDetail detail, boolean obey) {
        FetchResult result = new FetchResult(200, "text/html", null, body, body.length, false, null, -1, null, 5,
                new ResponseCapture(headers, body, true));
        return new PageProcessor(new UriNormalizer(), true, Mode.ASYNC, detail, obey)
                .process(new FetchTask(1, URL, 0, 1, 0, FetchTask.Kind.PAGE), result);
    }

    @Test
    void aNofollowPageOffersNoLinksWhenDirectivesAreObeyed() {
        byte[] meta = "<meta name=robots content='noindex,NOFOLLOW'><a href=a>a</a><a href=b>b</a>"
                .getBytes(StandardCharsets.UTF_8);
        FetchOutcome obeyed = process(meta, List.of(), RecordDetail.FULL, true);
        assertThat(obeyed.page().links()).isEmpty();
        assertThat(obeyed.page().robots()).isEqualTo("noindex,nofollow");
        assertThat(obeyed.page().details().outlinks()).isEmpty();
        assertThat(obeyed.page().details().dropped()).extracting(DroppedLink::reason)
                .containsExactly(DropReason.NOFOLLOW, DropReason.NOFOLLOW);
        assertThat(process(meta, List.of(), RecordDetail.BASIC, false).page().links()).hasSize(2);

        byte[] plain = "<a href=a>a</a>".getBytes(StandardCharsets.UTF_8);
        FetchOutcome header = process(plain, List.of(new Header("x-robots-tag", "none")), RecordDetail.BASIC, true);
        assertThat(header.page().links()).isEmpty();
        assertThat(header.page().robots()).isEqualTo("none");
        assertThat(process(plain, List.of(new Header("x-robots-tag", "otherbot: nofollow")), RecordDetail.BASIC, true)
                .page().links()).as("a directive for another crawler").hasSize(1);
    }

    @Test
    void aFullRecordSaysWhatThePageAndItsResponseSay() throws Exception {
        FetchOutcome outcome = process(RecordDetail.FULL);
        PageDetails d = outcome.page().details();

        assertThat(d.outlinks()).containsExactly("http://127.0.0.1:8080/dir/a.html").isEqualTo(outcome.page().links());
        assertThat(d.dropped()).containsExactly(new DroppedLink("mailto:x@y", DropReason.SCHEME),
                new DroppedLink("http://", DropReason.INVALID), new DroppedLink("/n", DropReason.NOFOLLOW),
                new DroppedLink("a.html#top", DropReason.DUPLICATE));
        assertThat(d.canonical()).isEqualTo("http://127.0.0.1:8080/canon?a=1");
        assertThat(outcome.page().robots()).isEqualTo("noindex,follow,noarchive");
        assertThat(d.headers()).isEqualTo(HEADERS);
        assertThat(d.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY)));
        assertThat(d.text()).isNull();
        assertThat(outcome.result().capture()).as("the capture stays on the fetcher's side")
                .isEqualTo(ResponseCapture.NONE);
    }

    @Test
    void textOnlyWhenAsked() {
        assertThat(process(RecordDetail.TEXT).page().details().text()).isEqualTo("T Hello world ambadnagain");
    }

    @Test
    void aBasicRecordHasNoDetails() {
        assertThat(process(RecordDetail.BASIC).page().details()).isNull();
    }
}
