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
 */
public record CrawlRules(boolean obeyRobots, int maxDepth, boolean sortQuery, boolean respectNofollow,
                         int maxRedirects, List<String> sites) {

    public CrawlRules {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, got " + maxRedirects);
        }
        sites = List.copyOf(sites);
    }

    /** obeyRobots, maxDepth 8, query order kept, nofollow links followed, 10 redirects, all sites. */
    public static CrawlRules defaults() {
        return new CrawlRules(true, 8, false, false, 10, List.of());
    }

    public CrawlRules withObeyRobots(boolean value) {
        return new CrawlRules(value, maxDepth, sortQuery, respectNofollow, maxRedirects, sites);
    }

    public CrawlRules withMaxDepth(int value) {
        return new CrawlRules(obeyRobots, value, sortQuery, respectNofollow, maxRedirects, sites);
    }

    public CrawlRules withSortQuery(boolean value) {
        return new CrawlRules(obeyRobots, maxDepth, value, respectNofollow, maxRedirects, sites);
    }

    public CrawlRules withRespectNofollow(boolean value) {
        return new CrawlRules(obeyRobots, maxDepth, sortQuery, value, maxRedirects, sites);
    }

    public CrawlRules withMaxRedirects(int value) {
        return new CrawlRules(obeyRobots, maxDepth, sortQuery, respectNofollow, value, sites);
    }

    public CrawlRules withSites(List<String> value) {
        return new CrawlRules(obeyRobots, maxDepth, sortQuery, respectNofollow, maxRedirects, value);
    }

    public CrawlRules withSites(String... value) {
        return withSites(List.of(value));
    }
}
