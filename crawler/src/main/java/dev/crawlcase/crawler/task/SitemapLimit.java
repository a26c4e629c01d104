package dev.crawlcase.crawler.task;

/**
 * Why a sitemap was refused whole; {@link #reason()} is its record's reason. A refused sitemap gives one failed
 * record and nothing else: a crawl never half-follows a sitemap bomb.
 */
public enum SitemapLimit {
    /** More bytes than allowed, once decompressed (or the download was cut at the body cap). */
    TOO_LARGE,
    /** More URLs (or listed sitemaps) than allowed. */
    TOO_MANY_URLS,
    /** An index nested deeper than allowed. */
    TOO_DEEP,
    /** Neither an XML sitemap, an index, RSS/Atom, nor a text sitemap; or broken gzip. */
    UNREADABLE;

    public String reason() {
        return "sitemap_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
