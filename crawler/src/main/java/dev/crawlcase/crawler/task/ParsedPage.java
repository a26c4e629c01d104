package dev.crawlcase.crawler.task;

import java.util.List;

/**
 * What the parse step found in one HTML page.
 *
 * @param title    the document title, or "" when there is none
 * @param links    normalised absolute http(s) URLs from a[href] and area[href], first occurrence order, no repeats;
 *                 over-long ones included (the frontier records them as too long, never fetches them)
 * @param rawLinks how many a[href] / area[href] elements the page had (before dropping and dedup)
 * @param robots   the page's robots directives ({@code <meta name=robots>}, {@code X-Robots-Tag}): lower-case tokens,
 *                 comma-separated in the order found, or null when it has none
 * @param details  what a full record adds ({@link RecordDetail#FULL}), or null
 * @param sitemap  what a SITEMAP task's body held beyond its page URLs (which are the {@code links}), or null
 * @param refresh  where a {@code <meta http-equiv=refresh content="0; url=...">} sends the reader (normalised; not
 *                 the page itself), or null: the frontier follows it like a redirect
 */
public record ParsedPage(String title, List<String> links, int rawLinks, String robots, PageDetails details,
                         SitemapPage sitemap, String refresh) {

    /** A page without a refresh, or a sitemap. */
    public ParsedPage(String title, List<String> links, int rawLinks, String robots, PageDetails details,
                      SitemapPage sitemap) {
        this(title, links, rawLinks, robots, details, sitemap, null);
    }
    public static final ParsedPage EMPTY = new ParsedPage("", List.of(), 0);

    /** A page (not a sitemap). */
    public ParsedPage(String title, List<String> links, int rawLinks, String robots, PageDetails details) {
        this(title, links, rawLinks, robots, details, null, null);
    }

    /** A sitemap read whole: its page URLs and the sitemaps an index lists. */
    public static ParsedPage ofSitemap(List<String> pages, List<String> sitemaps) {
        return new ParsedPage("", List.copyOf(pages), pages.size() + sitemaps.size(), null, null,
                new SitemapPage(List.copyOf(sitemaps), null));
    }

    /** A sitemap refused for a bound it broke: nothing of it is followed. */
    public static ParsedPage refusedSitemap(SitemapLimit broken) {
        return new ParsedPage("", List.of(), 0, null, null, new SitemapPage(List.of(), broken));
    }

    /** A page without directives or details. */
    public ParsedPage(String title, List<String> links, int rawLinks) {
        this(title, links, rawLinks, null, null);
    }

    public ParsedPage withDetails(PageDetails d) {
        return new ParsedPage(title, links, rawLinks, robots, d, sitemap, refresh);
    }

    /** This page, refreshing to {@code target} (null: not at all). */
    public ParsedPage withRefresh(String target) {
        return new ParsedPage(title, links, rawLinks, robots, details, sitemap, target);
    }

    /** Whether the directives say not to follow the page's links ({@code nofollow} or {@code none}). */
    public boolean nofollow() {
        return robots != null && List.of(robots.split(",")).stream().anyMatch(t -> t.equals("nofollow") || t.equals("none"));
    }
}
