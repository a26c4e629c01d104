package dev.crawlcase.crawler.parse;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.task.SitemapLimit;
import dev.crawlcase.crawler.url.HostKey;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads one sitemap body with crawler-commons' {@link SiteMapParser}: an XML URL set, a sitemap index, RSS/Atom or a
 * text sitemap, gzip'd or not. Gzip is inflated here, counted against {@link SitemapLimits#maxBytes()}, so a gzip
 * bomb stops at the bound instead of in memory. Only URLs of the sitemap's own host ({@code scheme://host:port})
 * are kept, normalised as links are; repeats dropped, document order kept. Over any bound the whole sitemap is
 * refused ({@link ParsedPage#refusedSitemap}). Pure CPU work, thread-safe.
 */
final class SitemapReader {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final SitemapLimits limits;
    private final LinkNormalizer normalizer;

    SitemapReader(SitemapLimits limits, LinkNormalizer normalizer) {
        this.limits = limits;
        this.normalizer = normalizer;
    }

    /**
     * @param url       the sitemap's normalised URL
     * @param depth     its depth: an index at {@link SitemapLimits#maxIndexDepth()} or deeper is refused
     * @param body      the body as fetched (content coding already decoded)
     * @param truncated whether the fetch cut the body at its cap
     */
    ParsedPage read(String url, int depth, byte[] body, boolean truncated) {
        if (truncated) {
            return ParsedPage.refusedSitemap(SitemapLimit.TOO_LARGE);
        }
        byte[] plain;
        try {
            plain = isGzip(body) ? inflate(body) : body;
        } catch (IOException e) {
            return ParsedPage.refusedSitemap(SitemapLimit.UNREADABLE);
        }
        if (plain == null || plain.length > limits.maxBytes()) {
            return ParsedPage.refusedSitemap(SitemapLimit.TOO_LARGE);
        }
        AbstractSiteMap parsed;
        try {
            // not strict: a sitemap named by robots.txt may list any path of its host (the host rule below applies)
            SiteMapParser parser = new SiteMapParser(false);
            parser.setAllowDocTypeDefinitions(false);
            parsed = parser.parseSiteMap(looksLikeXml(plain) ? "application/xml" : "text/plain", plain,
                    URI.create(url).toURL());
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            return ParsedPage.refusedSitemap(SitemapLimit.UNREADABLE);
        }
        String host = HostKey.of(url);
        if (parsed instanceof SiteMapIndex index) {
            if (depth >= limits.maxIndexDepth()) {
                return ParsedPage.refusedSitemap(SitemapLimit.TOO_DEEP);
            }
            if (index.getSitemaps().size() > limits.maxUrls()) {
                return ParsedPage.refusedSitemap(SitemapLimit.TOO_MANY_URLS);
            }
            List<String> listed = new ArrayList<>();
            index.getSitemaps().forEach(s -> listed.add(s.getUrl().toString()));
            return ParsedPage.ofSitemap(List.of(), sameHost(url, host, listed));
        }
        if (!(parsed instanceof SiteMap set) || set.getSiteMapUrls().size() > limits.maxUrls()) {
            return ParsedPage.refusedSitemap(set(parsed) ? SitemapLimit.TOO_MANY_URLS : SitemapLimit.UNREADABLE);
        }
        List<String> listed = new ArrayList<>();
        for (SiteMapURL entry : set.getSiteMapUrls()) {
            listed.add(entry.getUrl().toString());
        }
        return ParsedPage.ofSitemap(sameHost(url, host, listed), List.of());
    }

    private static boolean set(AbstractSiteMap parsed) {
        return parsed instanceof SiteMap;
    }

    private List<String> sameHost(String base, String host, List<String> urls) {
        Set<String> kept = new LinkedHashSet<>();
        for (String raw : urls) {
            String normalized = normalizer.normalize(base, raw);
            if (normalized != null && host.equals(HostKey.of(normalized))) {
                kept.add(normalized);
            }
        }
        return List.copyOf(kept);
    }

    private static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == GZIP_MAGIC_1 && (body[1] & 0xff) == GZIP_MAGIC_2;
    }

    /** The inflated body, or null once it passes maxBytes (a bomb is never held whole). */
    private byte[] inflate(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limits.maxBytes(), gzip.length * 4));
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > limits.maxBytes()) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** XML (URL set, index, RSS, Atom) starts with '&lt;' after any byte-order mark and white space; else text. */
    private static boolean looksLikeXml(byte[] body) {
        for (byte b : body) {
            if (b == '<') {
                return true;
            }
            if (!Character.isWhitespace(b) && (b & 0xff) != 0xef && (b & 0xff) != 0xbb && (b & 0xff) != 0xbf) {
                return false;
            }
        }
        return false;
    }
}
