package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.UrlNormalizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which URLs are sitemaps, and which sitemaps a seed host starts with. A sitemap is an ordinary URL of the crawl
 * (queued, leased, limited, recorded like a page) that is leased as a SITEMAP task and whose record says so.
 *
 * <p>The depth rule: a seed host's own sitemaps (its robots.txt's {@code Sitemap:} lines, or {@code /sitemap.xml})
 * enter at depth 0, beside its seeds: the site itself says they list its pages. What a sitemap lists is one hop
 * below it, like a page's links: its pages at depth 1, the sitemaps of an index at depth 1 and their pages at depth 2.
 * Depths stay exact shortest paths (a page also linked from the home page stays at 1), and a crawl's depth limit
 * bounds sitemaps as it bounds links. Only seed hosts are read, and each only on its first robots.txt answer: a
 * host's seeds are still unfinished then (they wait for robots.txt), so a depth-0 URL can still enter without
 * lowering a depth already recorded; a host reached later by a link, or robots.txt read again after its TTL, could
 * not promise that. Listed URLs of another host are dropped when the sitemap is read.
 */
final class SitemapBook {
    static final String WELL_KNOWN = "/sitemap.xml";

    private final SitemapSource source;
    private final Set<String> seedHosts;
    private final UrlNormalizer normalizer;
    private final Set<String> sitemaps = new HashSet<>();
    private final Set<String> hostsRead = new HashSet<>();

    SitemapBook(SitemapSource source, Set<String> seedHosts, UrlNormalizer normalizer) {
        this.source = source;
        this.seedHosts = Set.copyOf(seedHosts);
        this.normalizer = normalizer;
    }

    /**
     * The sitemaps a seed host starts with, once its robots.txt answered with rules (null: robots.txt not read);
     * marked as sitemaps. Empty for other hosts, for a host already read, or when sitemaps are off.
     */
    List<String> startingSitemaps(String hostKey, HostRules rules) {
        if (source == SitemapSource.OFF || !seedHosts.contains(hostKey) || !hostsRead.add(hostKey)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        if (rules != null) {
            for (String named : rules.rules().getSitemaps()) {
                String url = normalizer.normalize(hostKey + "/", named);
                if (url != null && hostKey.equals(HostKey.of(url)) && !found.contains(url)) {
                    found.add(url);
                }
            }
        }
        if (found.isEmpty() && source == SitemapSource.ALWAYS) {
            found.add(hostKey + WELL_KNOWN);
        }
        sitemaps.addAll(found);
        return found;
    }

    /** Marks URLs an index lists, or where a sitemap redirected, as sitemaps. */
    void listed(List<String> urls) {
        sitemaps.addAll(urls);
    }

    boolean isSitemap(String url) {
        return sitemaps.contains(url);
    }

    FetchTask.Kind kindOf(String url) {
        return isSitemap(url) ? FetchTask.Kind.SITEMAP : FetchTask.Kind.PAGE;
    }
}
