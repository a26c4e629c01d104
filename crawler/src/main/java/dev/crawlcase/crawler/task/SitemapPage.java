package dev.crawlcase.crawler.task;

import java.util.List;

/**
 * What a sitemap held besides its page URLs: the sitemaps it lists when it is an index, or the bound it broke.
 *
 * @param sitemaps normalised same-host sitemap URLs an index lists (empty for a URL set)
 * @param broken   the bound that refused the whole sitemap (then nothing of it is followed), or null
 */
public record SitemapPage(List<String> sitemaps, SitemapLimit broken) {
    public SitemapPage {
        sitemaps = List.copyOf(sitemaps);
    }
}
