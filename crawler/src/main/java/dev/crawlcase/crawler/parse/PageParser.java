package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.task.PageDetails;
import dev.crawlcase.crawler.task.PageDetails.DropReason;
import dev.crawlcase.crawler.task.PageDetails.DroppedLink;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.task.RecordDetail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one HTML body into its title and outgoing links. Stateless and thread-safe.
 *
 * <p>Charset: the header's charset when the JVM knows it; otherwise jsoup's detection (BOM, {@code <meta charset>},
 * http-equiv), which falls back to UTF-8. Links come from the elements of its {@link LinkSources} (by default
 * {@code a[href]} and {@code area[href]} only) in document order, are resolved against the first {@code <base href>}
 * (itself resolved against the page URL) or else the page URL, normalised by the given {@link LinkNormalizer}, and
 * deduplicated keeping first-occurrence order. {@code rel=nofollow} is honoured on any element that has it.
 *
 * <p>Cost: CPU-bound ({@code ParseCost} in {@code crawler/src/bench} measures it); callers on an event loop should
 * think about where it runs.
 */
public final class PageParser {
    /** Selectors parsed once: jsoup's evaluators are thread-safe, and re-parsing them showed up in profiles. */
    private static final Evaluator ANCHORS = QueryParser.parse(LinkSources.DEFAULT.selector());
    private static final Evaluator BASE = QueryParser.parse("base[href]");
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel~=(?i)^canonical$][href]");
    private static final Evaluator META_ROBOTS = QueryParser.parse("meta[name~=(?i)^robots$][content]");
    private static final Evaluator META_REFRESH = QueryParser.parse("meta[http-equiv~=(?i)^refresh$][content]");
    /** {@code 0; url=target}, {@code 5,URL='target'}, {@code 0;target} (HTML's "shared declarative refresh" steps). */
    private static final Pattern REFRESH = Pattern.compile(
            "^\\s*(?=[\\d.])[\\d.]*\\s*[;,]?\\s*(?:url\\s*=\\s*)?([\"']?)(.*?)\\1\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):");

    private final Evaluator linkElements;

    /** A parser that takes links from {@code <a>} and {@code <area>} ({@link LinkSources#DEFAULT}). */
    public PageParser() {
        this(LinkSources.DEFAULT);
    }

    public PageParser(LinkSources sources) {
        this.linkElements = sources.equals(LinkSources.DEFAULT) ? ANCHORS : QueryParser.parse(sources.selector());
    }

    /** Parses {@code body}; never throws on bad HTML, bad charsets or binary garbage. */
    public ParsedPage parse(byte[] body, String headerCharset, String pageUrl, boolean respectNofollow,
                            LinkNormalizer normalizer) {
        return parse(body, headerCharset, pageUrl, respectNofollow, normalizer, RecordDetail.BASIC);
    }

    /**
     * Like {@link #parse(byte[], String, String, boolean, LinkNormalizer)}; for full records the page also gets
     * {@link PageDetails} with what the markup says (dropped links and why, canonical, text if asked); the response's
     * part (headers, digest) is the caller's to add. The page's {@code <meta name=robots>} directives are read
     * either way; following them is the caller's decision.
     */
    public ParsedPage parse(byte[] body, String headerCharset, String pageUrl, boolean respectNofollow,
                            LinkNormalizer normalizer, RecordDetail detail) {
        Document doc = load(body, knownCharset(headerCharset), pageUrl);
        PageScan scan = PageScan.of(doc, linkElements, BASE, META_ROBOTS, META_REFRESH, detail.full() ? CANONICAL : null);
        String base = effectiveBase(scan.base(), pageUrl, normalizer);
        List<Element> anchors = scan.links();
        Set<String> links = new LinkedHashSet<>();
        List<DroppedLink> dropped = detail.full() ? new ArrayList<>() : null;
        for (Element anchor : anchors) {
            String href = anchor.attr(LinkSource.attribute(anchor));
            if (respectNofollow && isNofollow(anchor)) {
                drop(dropped, href, DropReason.NOFOLLOW);
                continue;
            }
            String url = normalizer.normalize(base, href);
            if (url == null) {
                drop(dropped, href, hasOtherScheme(href) ? DropReason.SCHEME : DropReason.INVALID);
            } else if (!links.add(url)) {
                drop(dropped, href, DropReason.DUPLICATE);
            }
        }
        List<String> robots = new ArrayList<>();
        for (Element meta : scan.robots()) {
            RobotsDirectives.addTokens(robots, meta.attr("content"));
        }
        ParsedPage page = new ParsedPage(doc.title().trim(), new ArrayList<>(links), anchors.size(),
                RobotsDirectives.join(robots), null, null, refresh(scan.refresh(), base, pageUrl, normalizer));
        if (!detail.full()) {
            return page;
        }
        Element canonical = scan.canonical();
        String canonicalUrl = canonical == null ? null : normalizer.normalize(base, canonical.attr("href"));
        String text = detail == RecordDetail.TEXT ? doc.text() : null;
        return page.withDetails(new PageDetails(page.links(), dropped, List.of(), null, canonicalUrl, text));
    }

    /** The first meta refresh's target, normalised, unless it names no URL or the page itself (a reload). */
    private static String refresh(Element meta, String base, String pageUrl, LinkNormalizer normalizer) {
        if (meta == null) {
            return null;
        }
        java.util.regex.Matcher m = REFRESH.matcher(meta.attr("content"));
        if (!m.matches() || m.group(2).isBlank()) {
            return null;
        }
        String target = normalizer.normalize(base, m.group(2).trim());
        return target == null || target.equals(pageUrl) ? null : target;
    }

    private static void drop(List<DroppedLink> dropped, String href, DropReason reason) {
        if (dropped != null) {
            dropped.add(new DroppedLink(href, reason));
        }
    }

    /** A scheme other than http(s) (mailto:, javascript:, ...): dropped on purpose, not for being malformed. */
    private static boolean hasOtherScheme(String href) {
        Matcher m = SCHEME.matcher(href.strip());
        return m.lookingAt() && !m.group(1).equalsIgnoreCase("http") && !m.group(1).equalsIgnoreCase("https");
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
    private static String effectiveBase(Element base, String pageUrl, LinkNormalizer normalizer) {
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
