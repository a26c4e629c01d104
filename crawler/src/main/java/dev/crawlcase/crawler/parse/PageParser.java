package dev.crawlcase.crawler.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** jsoup parse of one HTML page: title and links from a[href] and area[href], honouring base href. */
public final class PageParser {
    public ParsedPage parse(byte[] body, String headerCharset, String pageUrl, boolean respectNofollow,
                            LinkNormalizer normalizer) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), validCharset(headerCharset), pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Element baseEl = doc.selectFirst("base[href]");
        String base = pageUrl;
        if (baseEl != null) {
            String resolved = normalizer.normalize(pageUrl, baseEl.attr("href"));
            base = resolved == null ? pageUrl : resolved;
        }
        Set<String> links = new LinkedHashSet<>();
        int raw = 0;
        for (Element a : doc.select("a[href], area[href]")) {
            raw++;
            if (respectNofollow && a.attr("rel").toLowerCase().contains("nofollow")) {
                continue;
            }
            String url = normalizer.normalize(base, a.attr("href"));
            if (url != null) {
                links.add(url);
            }
        }
        return new ParsedPage(doc.title().trim(), List.copyOf(links), raw);
    }

    private static String validCharset(String name) {
        try {
            return name != null && Charset.isSupported(name) ? name : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
