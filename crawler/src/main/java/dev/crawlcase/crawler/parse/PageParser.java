package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.task.ParsedPage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Parses one HTML body into its title and outgoing links. Stateless and thread-safe.
 *
 * <p>Charset: the header's charset when the JVM knows it; otherwise jsoup's detection (BOM, {@code <meta charset>},
 * http-equiv), which falls back to UTF-8. Links come from {@code a[href]} and {@code area[href]} only, are resolved
 * against the first {@code <base href>} (itself resolved against the page URL) or else the page URL, normalised by
 * the given {@link LinkNormalizer}, and deduplicated keeping first-occurrence order.
 *
 * <p>Cost: CPU-bound ({@code ParseCost} in {@code crawler/src/bench} measures it); callers on an event loop should
 * think about where it runs.
 */
public final class PageParser {
    /** Selectors parsed once: jsoup's evaluators are thread-safe, and re-parsing them showed up in profiles. */
    private static final Evaluator ANCHORS = QueryParser.parse("a[href], area[href]");
    private static final Evaluator BASE = QueryParser.parse("base[href]");

    /** Parses {@code body}; never throws on bad HTML, bad charsets or binary garbage. */
    public ParsedPage parse(byte[] body, String headerCharset, String pageUrl, boolean respectNofollow,
                            LinkNormalizer normalizer) {
        Document doc = load(body, knownCharset(headerCharset), pageUrl);
        String base = effectiveBase(doc, pageUrl, normalizer);
        Elements anchors = doc.select(ANCHORS);
        Set<String> links = new LinkedHashSet<>();
        for (Element anchor : anchors) {
            if (respectNofollow && isNofollow(anchor)) {
                continue;
            }
            String url = normalizer.normalize(base, anchor.attr("href"));
            if (url != null) {
                links.add(url);
            }
        }
        return new ParsedPage(doc.title().trim(), new ArrayList<>(links), anchors.size());
    }

    private static Document load(byte[] body, String charset, String pageUrl) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset, pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory body cannot fail", e);
        }
    }

    /** The header charset if the JVM supports it, else null (let jsoup detect). */
    static String knownCharset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.isSupported(name.trim()) ? name.trim() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first {@code <base href>} resolved by the crawl's own normaliser, or the page URL when it has none usable. */
    private static String effectiveBase(Document doc, String pageUrl, LinkNormalizer normalizer) {
        Element base = doc.selectFirst(BASE);
        if (base == null) {
            return pageUrl;
        }
        String resolved = normalizer.normalize(pageUrl, base.attr("href").trim());
        return resolved == null ? pageUrl : resolved;
    }

    private static boolean isNofollow(Element anchor) {
        for (String token : anchor.attr("rel").trim().split("\\s+")) {
            if (token.equalsIgnoreCase("nofollow")) {
                return true;
            }
        }
        return false;
    }
}
