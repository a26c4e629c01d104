package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.task.ParsedPage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PageParserTest {

    private static final String PAGE_URL = "http://127.0.0.1:8080/dir/page.html";
    private final PageParser parser = new PageParser();
    private final LinkNormalizer normalizer = new UriNormalizer();

    private ParsedPage parse(String html) {
        return parser.parse(html.getBytes(StandardCharsets.UTF_8), "UTF-8", PAGE_URL, false, normalizer);
    }

    @Test
    void titleAndLinksFromAnchorsAndAreasOnly() {
        ParsedPage page = parse("<html><head><title>  Hello  </title><link href='/style.css'></head><body>"
                + "<a href='a.html'>a</a><map><area href='/b#frag'></map><img src='/img.png'>"
                + "<a>no href</a><a href='a.html#top'>a again</a><a href='mailto:x@y'>m</a>"
                + "<a href='javascript:void(0)'>j</a></body></html>");
        assertThat(page.title()).isEqualTo("Hello");
        assertThat(page.links()).containsExactly("http://127.0.0.1:8080/dir/a.html", "http://127.0.0.1:8080/b");
        assertThat(page.rawLinks()).isEqualTo(5);
    }

    @Test
    void nofollowLinksAreDroppedOnlyWhenAsked() {
        String html = "<a href='/x' rel='external NoFollow'>x</a><a href='/y' rel='nofollowing'>y</a>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(body, null, PAGE_URL, true, normalizer).links())
                .containsExactly("http://127.0.0.1:8080/y");
        assertThat(parser.parse(body, null, PAGE_URL, false, normalizer).links())
                .containsExactly("http://127.0.0.1:8080/x", "http://127.0.0.1:8080/y");
        assertThat(parser.parse(body, null, PAGE_URL, true, normalizer).rawLinks()).isEqualTo(2);
    }

    @Test
    void firstBaseHrefResolvedAgainstThePageUrlIsTheBase() {
        ParsedPage page = parse("<head><base href='../other/'><base href='http://elsewhere/'></head>"
                + "<a href='x.html'>x</a><a href='/root'>r</a>");
        assertThat(page.links()).containsExactly("http://127.0.0.1:8080/other/x.html", "http://127.0.0.1:8080/root");
    }

    @Test
    void nonHttpBaseIsIgnored() {
        assertThat(parse("<base href='javascript:alert(1)'><a href='x'>x</a>").links())
                .containsExactly("http://127.0.0.1:8080/dir/x");
    }

    @Test
    void tenThousandLinksOnOnePage() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 10_000; i++) {
            html.append("<a href='/p/").append(i).append("'>").append(i).append("</a>\n");
        }
        ParsedPage page = parse(html.toString());
        assertThat(page.links()).hasSize(10_000).startsWith("http://127.0.0.1:8080/p/0")
                .endsWith("http://127.0.0.1:8080/p/9999");
        assertThat(page.rawLinks()).isEqualTo(10_000);
    }

    @Test
    void aPageLinkingToItselfAThousandTimesYieldsOneLink() {
        ParsedPage page = parse("<a href='page.html'>me</a>".repeat(500) + "<a href='page.html#x'>me</a>".repeat(500));
        assertThat(page.links()).containsExactly(PAGE_URL);
        assertThat(page.rawLinks()).isEqualTo(1_000);
    }

    @Test
    void brokenUnclosedHtmlStillYieldsTitleAndLinks() {
        ParsedPage page = parse("<html><title>Broken <b>page<a href=/a>one<a href=/b>two<div><p><table><tr>"
                + "<td><a href='/c'>three</td><a href=\"/d");
        assertThat(page.title()).startsWith("Broken");
        assertThat(page.links()).startsWith("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b",
                "http://127.0.0.1:8080/c");
    }

    @Test
    void isoLatin1FromTheHeaderDecodesTitleAndHref() {
        byte[] body = "<title>Caf\u00e9 cr\u00e8me</title><a href='/caf\u00e9'>c</a>"
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedPage page = parser.parse(body, "ISO-8859-1", PAGE_URL, false, normalizer);
        assertThat(page.title()).isEqualTo("Caf\u00e9 cr\u00e8me");
        assertThat(page.links()).containsExactly("http://127.0.0.1:8080/caf\u00e9");
    }

    @Test
    void isoLatin1FromAMetaTagWhenTheHeaderHasNone() {
        byte[] body = "<head><meta charset='iso-8859-1'><title>na\u00efve</title></head>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(body, null, PAGE_URL, false, normalizer).title()).isEqualTo("na\u00efve");
        byte[] httpEquiv = ("<head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
                + "<title>na\u00efve</title></head>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(httpEquiv, null, PAGE_URL, false, normalizer).title()).isEqualTo("na\u00efve");
    }

    @Test
    void unknownOrIllegalCharsetNamesFallBackWithoutThrowing() {
        byte[] body = "<title>\u00fcber</title>".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(body, "no-such-charset", PAGE_URL, false, normalizer).title()).isEqualTo("\u00fcber");
        assertThat(parser.parse(body, "!!illegal name!!", PAGE_URL, false, normalizer).title()).isEqualTo("\u00fcber");
        assertThat(parser.parse(body, " ", PAGE_URL, false, normalizer).title()).isEqualTo("\u00fcber");
    }

    @Test
    void aThreeMegabytePage() {
        StringBuilder html = new StringBuilder("<html><head><title>Big</title></head><body>");
        int i = 0;
        while (html.length() < 3_000_000) {
            html.append("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit <a href='/l/")
                    .append(i++ % 2_000).append("'>link</a></p>\n");
        }
        ParsedPage page = parse(html.append("</body></html>").toString());
        assertThat(page.title()).isEqualTo("Big");
        assertThat(page.links()).hasSize(2_000);
        assertThat(page.rawLinks()).isEqualTo(i);
    }

    @Test
    void binaryGarbageDoesNotThrow() {
        byte[] garbage = new byte[200_000];
        new Random(42).nextBytes(garbage);
        ParsedPage page = parser.parse(garbage, null, PAGE_URL, true, normalizer);
        assertThat(page.title()).isNotNull();
        assertThat(page.links()).isNotNull();
    }

    @Test
    void emptyBody() {
        ParsedPage page = parser.parse(new byte[0], null, PAGE_URL, false, normalizer);
        assertThat(page).isEqualTo(new ParsedPage("", java.util.List.of(), 0));
    }
}
