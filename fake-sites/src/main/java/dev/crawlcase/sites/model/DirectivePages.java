package dev.crawlcase.sites.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a site with {@code directives} serves: pages with robots directives, each linked from the root and each
 * linking to a page only it links to, so whether a crawler obeyed a directive shows in the pages it found:
 * <ul>
 *   <li>{@code meta-nofollow.html}: {@code <meta name="robots" content="nofollow">};</li>
 *   <li>{@code header-nofollow.html}: {@code X-Robots-Tag: nofollow};</li>
 *   <li>{@code none.html}: {@code <meta name="robots" content="none">} (noindex and nofollow);</li>
 *   <li>{@code noindex.html}: {@code <meta name="robots" content="noindex">} and {@code X-Robots-Tag: noarchive}:
 *       its link is followed;</li>
 *   <li>{@code canonical.html}: {@code <link rel="canonical">} naming an ordinary page.</li>
 * </ul>
 */
final class DirectivePages {
    static final String META_NOFOLLOW = "meta-nofollow";
    static final String HEADER_NOFOLLOW = "header-nofollow";
    static final String NONE = "none";
    static final String NOINDEX = "noindex";
    static final String CANONICAL = "canonical";

    private final String site;
    private final List<Resource> resources = new ArrayList<>();
    private final List<Link> rootLinks = new ArrayList<>();

    DirectivePages(String site, Ref canonicalTarget) {
        this.site = site;
        directed(META_NOFOLLOW, "nofollow", null);
        directed(HEADER_NOFOLLOW, null, "nofollow");
        directed(NONE, "none", null);
        directed(NOINDEX, "noindex", "noarchive");
        Ref canonical = ref(CANONICAL + ".html");
        resources.add(new Resource.Page(canonical, "Canonical elsewhere", List.of(home()), null, canonicalTarget,
                Resource.Style.NORMAL, 300));
        rootLinks.add(Link.to(canonical, LinkForm.ROOT));
    }

    /** The links the root page gets to these pages. */
    List<Link> rootLinks() {
        return rootLinks;
    }

    List<Resource> resources() {
        return resources;
    }

    private void directed(String name, String meta, String header) {
        Ref self = ref(name + ".html");
        Ref behind = ref("behind-" + name + ".html");
        Resource.Page page = new Resource.Page(self, "Directives: " + name, List.of(Link.to(behind, LinkForm.RELATIVE),
                home()), null, self, Resource.Style.NORMAL, 300);
        resources.add(new Resource.DirectedPage(page, meta, header));
        resources.add(new Resource.Page(behind, "Behind " + name, List.of(home()), null, behind,
                Resource.Style.NORMAL, 300));
        rootLinks.add(Link.to(self, LinkForm.ROOT));
    }

    private Link home() {
        return Link.to(new Ref(site, Paths.ROOT), LinkForm.ROOT);
    }

    private Ref ref(String file) {
        return new Ref(site, Paths.DIRECTIVES_DIR + file);
    }
}
