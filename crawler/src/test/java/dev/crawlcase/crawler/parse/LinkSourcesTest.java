package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.task.ParsedPage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which elements a page's links come from ({@code links.sources}). */
class LinkSourcesTest {
    private static final String PAGE_URL = "http://127.0.0.1:8080/dir/page.html";
    private static final String PAGE = "<html><head><title>t</title>"
            + "<link rel='alternate' hreflang='de' href='/de/page.html'><link rel='stylesheet' href='site.css'>"
            + "<link rel='next nofollow' href='page2.html'></head><body>"
            + "<a href='a.html'>a</a><iframe src='embedded.html'></iframe><img src='/img.png'>"
            + "<script src='/app.js'></script><iframe>no src</iframe></body></html>";
    private static final String FRAMESET = "<!DOCTYPE html><html><head><title>f</title></head>"
            + "<frameset cols='50%,50%'><frame src='left.html'><frame src='/right.html'></frameset></html>";

    private static ParsedPage parse(LinkSources sources, String html, boolean respectNofollow) {
        return new PageParser(sources).parse(html.getBytes(StandardCharsets.UTF_8), "UTF-8", PAGE_URL,
                respectNofollow, new UriNormalizer());
    }

    @Test
    void byDefaultOnlyAnchorsGiveLinks() {
        assertThat(parse(LinkSources.DEFAULT, PAGE, false).links()).containsExactly("http://127.0.0.1:8080/dir/a.html");
        assertThat(parse(LinkSources.DEFAULT, FRAMESET, false).links()).isEmpty();
    }

    @Test
    void linkElementsOfEveryRelComeInDocumentOrderAndANofollowOneIsDroppedWhenAsked() {
        LinkSources links = LinkSources.of(LinkSource.A, LinkSource.LINK);
        assertThat(parse(links, PAGE, false).links()).containsExactly("http://127.0.0.1:8080/de/page.html",
                "http://127.0.0.1:8080/dir/site.css", "http://127.0.0.1:8080/dir/page2.html",
                "http://127.0.0.1:8080/dir/a.html");
        assertThat(parse(links, PAGE, true).links()).doesNotContain("http://127.0.0.1:8080/dir/page2.html");
        assertThat(parse(LinkSources.of(LinkSource.LINK), PAGE, false).links())
                .doesNotContain("http://127.0.0.1:8080/dir/a.html").hasSize(3);
    }

    @Test
    void framesGiveIframesAndAFramesetsFramesBySrc() {
        LinkSources frames = LinkSources.of(LinkSource.A, LinkSource.FRAME);
        assertThat(parse(frames, PAGE, false).links()).containsExactly("http://127.0.0.1:8080/dir/a.html",
                "http://127.0.0.1:8080/dir/embedded.html");
        assertThat(parse(frames, FRAMESET, false).links()).containsExactly("http://127.0.0.1:8080/dir/left.html",
                "http://127.0.0.1:8080/right.html");
        // elements are counted as found, whether a link came of them or not (the iframe without src is not one)
        assertThat(parse(frames, PAGE, false).rawLinks()).isEqualTo(2);
    }

    @Test
    void labelsParseAndAnUnknownOrNoSourceIsRefused() {
        assertThat(LinkSources.parse(List.of("frame", "a", "LINK")).labels()).containsExactly("a", "link", "frame");
        assertThatThrownBy(() -> LinkSources.parse(List.of("a", "img"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of a, link, frame, got \"img\"");
        assertThatThrownBy(() -> LinkSources.parse(List.of())).hasMessage("must name at least one of a, link, frame");
    }
}
