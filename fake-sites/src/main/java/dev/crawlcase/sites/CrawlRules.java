package dev.crawlcase.sites;

import java.util.List;

/**
 * The rules of the crawl whose exact result {@link GroundTruth} describes.
 *
 * @param obeyRobots      skip URLs disallowed by their own site's robots.txt
 * @param maxDepth        fetch no URL deeper than this (seeds are depth 0; links and redirects add 1)
 * @param sortQuery       normalise URLs with query parameters sorted by name, then value
 * @param respectNofollow do not follow links with rel=nofollow
 * @param maxRedirects    follow a Location only while the chain of consecutive redirects is at most this long
 * @param sites           names of the sites in scope; empty = every site of the world
 * @param sitemaps        where each site's sitemaps are found ({@link Sitemaps})
 * @param obeyPageDirectives do not follow the links of a page whose meta robots or X-Robots-Tag says nofollow or none
 */
public record CrawlRules(boolean obeyRobots, int maxDepth, boolean sortQuery, boolean respectNofollow,
                         int maxRedirects, List<String> sites, Sitemaps sitemaps, boolean obeyPageDirectives) {

    /**
     * Where a site's sitemaps come from, as the crawler's {@code sitemaps.use}: {@code ROBOTS} the robots.txt
     * {@code Sitemap:} lines (only read when robots are obeyed); {@code ALWAYS} those, or {@code /sitemap.xml} when
     * there are none; {@code OFF} none. A site's sitemaps are at depth 0, what one lists one hop below it.
     */
    public enum Sitemaps { ROBOTS, ALWAYS, OFF }

    /** Rules with sitemaps found the crawler's default way ({@link Sitemaps#ROBOTS}). */
    public CrawlRules(boolean obeyRobots, int maxDepth, boolean sortQuery, boolean respectNofollow,
                      int maxRedirects, List<String> sites) {
        this(obeyRobots, maxDepth, sortQuery, respectNofollow, maxRedirects, sites, Sitemaps.ROBOTS, true);
    }

    /** Rules that obey page directives, as the crawler does by default. */
    public CrawlRules(boolean obeyRobots, int maxDepth, boolean sortQuery, boolean respectNofollow,
                      int maxRedirects, List<String> sites, Sitemaps sitemaps) {
        this(obeyRobots, maxDepth, sortQuery, respectNofollow, maxRedirects, sites, sitemaps, true);
    }

    public CrawlRules withObeyPageDirectives(boolean value) {
        return new CrawlRules(obeyRobots, maxDepth, sortQuery, respectNofollow, maxRedirects, sites, sitemaps, value);
    }

    public CrawlRules {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, got " + maxRedirects);
        }
        sites = List.copyOf(sites);
        if (sitemaps == null) {
            throw new IllegalArgumentException("sitemaps must not be null");
        }
    }

    public CrawlRules withSitemaps(Sitemaps value) {
        return new CrawlRules(obeyRobots, maxDepth, sortQuery, respectNofollow, maxRedirects, sites, value,
                obeyPageDirectives);
    }

    /** obeyRobots, maxDepth 8, query order kept, nofollow links followed, 10 redirects, all sites. */
    public static CrawlRules defaults() {
        return new CrawlRules(true, 8, false, false, 10, List.of());
    }

    public CrawlRules withObeyRobots(boolean value) {
        return new CrawlRules(value, maxDepth, sortQuery, respectNofollow, maxRedirects, sites,
                sitemaps, obeyPageDirectives);
    }

    public CrawlRules withMaxDepth(int value) {
        return new CrawlRules(obeyRobots, value, sortQuery, respectNofollow, maxRedirects, sites,
                sitemaps, obeyPageDirectives);
    }

    public CrawlRules withSortQuery(boolean value) {
        return new CrawlRules(obeyRobots, maxDepth, value, respectNofollow, maxRedirects, sites,
                sitemaps, obeyPageDirectives);
    }

    public CrawlRules withRespectNofollow(boolean value) {
        return new CrawlRules(obeyRobots, maxDepth, sortQuery, value, maxRedirects, sites,
                sitemaps, obeyPageDirectives);
    }

    public CrawlRules withMaxRedirects(int value) {
        return new CrawlRules(obeyRobots, maxDepth, sortQuery, respectNofollow, value, sites,
                sitemaps, obeyPageDirectives);
    }

    public CrawlRules withSites(List<String> value) {
        return new CrawlRules(obeyRobots, maxDepth, sortQuery, respectNofollow, maxRedirects, value,
                sitemaps, obeyPageDirectives);
    }

    public CrawlRules withSites(String... value) {
        return withSites(List.of(value));
    }
}
