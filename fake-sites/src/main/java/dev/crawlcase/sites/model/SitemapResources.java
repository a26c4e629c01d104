package dev.crawlcase.sites.model;

import dev.crawlcase.sites.config.SiteSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a site with {@code sitemaps} serves besides its pages, all seeded: robots.txt names {@link Paths#SITEMAP_INDEX},
 * an index that lists
 * <ul>
 *   <li>{@link Paths#SITEMAP_PAGES}, gzip'd: a few ordinary pages of every level (so deep pages are found one hop
 *       below the sitemap, shallower than their links put them), a robots-disallowed page, and another site's root
 *       (which a crawler must drop: a sitemap speaks for its own host only);</li>
 *   <li>{@link Paths#SITEMAP_HIDDEN}: pages no page links to ({@link Paths#hidden}), found only through it;</li>
 *   <li>{@link Paths#SITEMAP_BOMB}: a gzip bomb, more than the protocol's 50 MiB once inflated;</li>
 *   <li>the index itself (a loop a crawler must not follow forever).</li>
 * </ul>
 */
final class SitemapResources {
    /** Over the sitemap protocol's 50 MiB limit, which is also the most any crawler setting may allow. */
    static final int BOMB_INFLATED_BYTES = 64 * 1024 * 1024;

    private SitemapResources() {
    }

    static List<Resource> of(SiteSpec spec, List<String> otherSites, List<List<Ref>> levels, Random random) {
        String site = spec.name();
        List<Resource> out = new ArrayList<>();
        List<Ref> listed = new ArrayList<>();
        for (int level = 1; level < levels.size(); level++) {
            List<Ref> pages = levels.get(level);
            for (int i = 0; i < 2; i++) {
                Ref page = pages.get(random.nextInt(pages.size()));
                if (!listed.contains(page)) {
                    listed.add(page);
                }
            }
        }
        listed.add(new Ref(site, Paths.privatePage(1)));
        if (!otherSites.isEmpty()) {
            listed.add(new Ref(otherSites.get(0), Paths.ROOT));
        }
        out.add(new Resource.Sitemap(new Ref(site, Paths.SITEMAP_PAGES), listed, false, true));

        int hiddenCount = 3 + random.nextInt(4);
        List<Ref> hidden = new ArrayList<>();
        for (int i = 1; i <= hiddenCount; i++) {
            Ref page = new Ref(site, Paths.hidden(i));
            hidden.add(page);
            List<Link> links = List.of(Link.to(new Ref(site, Paths.ROOT), LinkForm.ROOT));
            out.add(new Resource.Page(page, "Hidden " + i + ": " + Words.title(random, 2), links, null, page,
                    Resource.Style.NORMAL, 200 + random.nextInt(800)));
        }
        out.add(new Resource.Sitemap(new Ref(site, Paths.SITEMAP_HIDDEN), hidden, false, false));
        out.add(new Resource.SitemapBomb(new Ref(site, Paths.SITEMAP_BOMB), BOMB_INFLATED_BYTES));
        // built now, while the world is generated, never on a site's event loop (deflating it takes a while)
        GzipBomb.body(BOMB_INFLATED_BYTES);

        Ref index = new Ref(site, Paths.SITEMAP_INDEX);
        out.add(new Resource.Sitemap(index, List.of(new Ref(site, Paths.SITEMAP_PAGES),
                new Ref(site, Paths.SITEMAP_HIDDEN), new Ref(site, Paths.SITEMAP_BOMB), index), true, false));
        return out;
    }
}
