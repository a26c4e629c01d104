package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.task.SitemapLimit;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SitemapReaderTest {
    static final String A = "http://127.0.0.1:8001";
    static final String XMLNS = " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";

    final UrlNormalizer urls = UrlNormalizer.defaults();
    final SitemapReader reader = new SitemapReader(new SitemapLimits(64 * 1024, 5, 1), urls::normalizeLink);

    static byte[] urlset(String... locs) {
        return ("<?xml version=\"1.0\"?>\n<urlset" + XMLNS + ">"
                + List.of(locs).stream().map(l -> "<url><loc>" + l + "</loc></url>").collect(Collectors.joining())
                + "</urlset>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] index(String... locs) {
        return ("<?xml version=\"1.0\"?>\n<sitemapindex" + XMLNS + ">"
                + List.of(locs).stream().map(l -> "<sitemap><loc>" + l + "</loc></sitemap>").collect(Collectors.joining())
                + "</sitemapindex>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void aUrlSetGivesItsOwnHostsUrlsNormalisedOnceEachInOrder() {
        ParsedPage page = reader.read(A + "/s.xml", 0, urlset(A + "/b", "http://127.0.0.1:9999/other", A + "/a#x",
                A + "/b", "HTTP://127.0.0.1:8001/c"), false);
        assertThat(page.links()).containsExactly(A + "/b", A + "/a", A + "/c");
        assertThat(page.sitemap().sitemaps()).isEmpty();
        assertThat(page.sitemap().broken()).isNull();
    }

    @Test
    void anIndexListsItsSitemapsUntilItIsNestedTooDeep() {
        ParsedPage top = reader.read(A + "/i.xml", 0, index(A + "/s1.xml", "http://127.0.0.1:9999/s.xml"), false);
        assertThat(top.links()).isEmpty();
        assertThat(top.sitemap().sitemaps()).containsExactly(A + "/s1.xml");
        ParsedPage nested = reader.read(A + "/i2.xml", 1, index(A + "/s2.xml"), false);
        assertThat(nested.sitemap().broken()).isEqualTo(SitemapLimit.TOO_DEEP);
        assertThat(nested.links()).isEmpty();
        assertThat(nested.sitemap().sitemaps()).isEmpty();
        assertThat(reader.read(A + "/s.xml", 3, urlset(A + "/deep"), false).links())
                .as("a URL set is read at any depth").containsExactly(A + "/deep");
    }

    @Test
    void gzipIsInflatedAndABombStopsAtTheByteBound() throws IOException {
        assertThat(reader.read(A + "/s.xml.gz", 0, gzip(urlset(A + "/z")), false).links()).containsExactly(A + "/z");
        byte[] blanks = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(blanks, (byte) ' ');
        ParsedPage bomb = reader.read(A + "/bomb.xml.gz", 0, gzip(blanks), false);
        assertThat(bomb.sitemap().broken()).isEqualTo(SitemapLimit.TOO_LARGE);
        assertThat(bomb.links()).isEmpty();
        byte[] plainTooBig = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(plainTooBig, (byte) ' ');
        assertThat(reader.read(A + "/big.xml", 0, plainTooBig, false).sitemap().broken())
                .isEqualTo(SitemapLimit.TOO_LARGE);
        assertThat(reader.read(A + "/cut.xml", 0, urlset(A + "/a"), true).sitemap().broken())
                .as("a body cut at the fetch cap").isEqualTo(SitemapLimit.TOO_LARGE);
    }

    @Test
    void moreUrlsThanAllowedRefuseTheWholeSitemap() {
        String[] six = IntStream.range(0, 6).mapToObj(i -> A + "/p" + i).toArray(String[]::new);
        ParsedPage page = reader.read(A + "/s.xml", 0, urlset(six), false);
        assertThat(page.sitemap().broken()).isEqualTo(SitemapLimit.TOO_MANY_URLS);
        assertThat(page.links()).isEmpty();
        assertThat(reader.read(A + "/i.xml", 0, index(six), false).sitemap().broken())
                .isEqualTo(SitemapLimit.TOO_MANY_URLS);
    }

    @Test
    void aTextSitemapIsReadAndGarbageIsUnreadable() {
        byte[] text = (A + "/t1\n" + A + "/t2\n").getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(A + "/s.txt", 0, text, false).links()).containsExactly(A + "/t1", A + "/t2");
        assertThat(reader.read(A + "/s.xml", 0, "<html><body>not a sitemap".getBytes(StandardCharsets.UTF_8), false)
                .sitemap().broken()).isEqualTo(SitemapLimit.UNREADABLE);
        assertThat(reader.read(A + "/s.xml.gz", 0, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, false).sitemap().broken())
                .isEqualTo(SitemapLimit.UNREADABLE);
    }

    @Test
    void theParseStepReadsASitemapTaskWhateverItsContentTypeAndDropsTheBody() {
        PageProcessor processor = new PageProcessor(urls::normalizeLink, false, Mode.ASYNC, RecordDetail.BASIC, true,
                new SitemapLimits(64 * 1024, 5, 1));
        FetchTask task = new FetchTask(1, A + "/s.xml.gz", 0, 1, 0, FetchTask.Kind.SITEMAP);
        byte[] body = urlset(A + "/x");
        FetchResult result = new FetchResult(200, "application/octet-stream", null, body, body.length, false, null,
                -1, null, 3);
        assertThat(PageProcessor.needsParsing(task, result)).isTrue();
        FetchOutcome outcome = processor.process(task, result);
        assertThat(outcome.page().links()).containsExactly(A + "/x");
        assertThat(outcome.result().body()).isEmpty();
    }
}
