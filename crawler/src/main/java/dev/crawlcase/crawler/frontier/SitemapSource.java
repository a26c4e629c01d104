package dev.crawlcase.crawler.frontier;

import java.util.Locale;

/**
 * Where a crawl finds each seed host's sitemaps ({@code sitemaps.use}). {@code robots} (the default): the
 * {@code Sitemap:} lines of its robots.txt, so a crawl asks for nothing the site did not name; {@code always}: those,
 * or {@code /sitemap.xml} when robots.txt names none (or robots.txt is not read); {@code off}: none.
 */
public enum SitemapSource {
    ROBOTS, ALWAYS, OFF;

    public static final SitemapSource DEFAULT = ROBOTS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SitemapSource parse(String label) {
        for (SitemapSource s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be robots, always or off, got " + label);
    }
}
