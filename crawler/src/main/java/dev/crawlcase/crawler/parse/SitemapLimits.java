package dev.crawlcase.crawler.parse;

import dev.crawlcase.json.Range;

/**
 * The bounds of one sitemap: bytes once decompressed, URLs (or listed sitemaps) in it, and how deep indexes may
 * nest. A sitemap over any of them is refused whole ({@link dev.crawlcase.crawler.task.SitemapLimit}).
 *
 * @param maxBytes      decompressed bytes, at most the protocol's own 50 MiB (sitemaps.org)
 * @param maxUrls       URLs or sitemaps listed, at most the protocol's 50,000
 * @param maxIndexDepth an index may list sitemaps only while its depth is below this (a robots.txt or
 *                      {@code /sitemap.xml} sitemap is at depth 0, what an index lists one deeper); 0: no index is read
 */
public record SitemapLimits(int maxBytes, int maxUrls, int maxIndexDepth) {
    public static final int PROTOCOL_MAX_BYTES = 50 * 1024 * 1024;
    public static final int PROTOCOL_MAX_URLS = 50_000;
    public static final int DEFAULT_MAX_INDEX_DEPTH = 2;
    public static final Range MAX_BYTES_RANGE = new Range(1024, PROTOCOL_MAX_BYTES);
    public static final Range MAX_URLS_RANGE = new Range(1, PROTOCOL_MAX_URLS);
    public static final Range MAX_INDEX_DEPTH_RANGE = new Range(0, 10);
    public static final SitemapLimits DEFAULTS =
            new SitemapLimits(PROTOCOL_MAX_BYTES, PROTOCOL_MAX_URLS, DEFAULT_MAX_INDEX_DEPTH);

    public SitemapLimits {
        MAX_BYTES_RANGE.check("sitemaps.maxBytes", maxBytes);
        MAX_URLS_RANGE.check("sitemaps.maxUrls", maxUrls);
        MAX_INDEX_DEPTH_RANGE.check("sitemaps.maxIndexDepth", maxIndexDepth);
    }
}
