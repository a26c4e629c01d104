package dev.crawlcase.sites.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a site with {@code directives} serves: pages with robots directives, each linked from the root and each
 * linking to a page only it links to, so whether a crawler obeyed a directive shows in the pages it found:
 * <ul>
 *   <li>{@code meta-nofollow.html}: {@code <meta name="robots" content="nofollow">};</li>
 *   <li>{@code header-nofollow.html}: {@code X-Robots-Tag: nofollow};</li>
 *   <li>{@code none.html}: {@code <meta name="robots" content="none">} (noindex and nofollow);</li>
 *   <li>{@code noindex.html}: {@code <meta name="robots" content="noindex">} and {@code X-Robots-Tag: noarchive}:
 *       its link is followed;</li>
 *   <li>{@code canonical.html}: {@code <link rel="canonical">} naming an ordinary page;</li>
 *   <li>{@code dup-a.html}, {@code dup-b.html}, {@code dup-c.html}: one page's bytes at three URLs (its canonical
 *       {@code dup-b.html}); the root links to b and c, the page itself to a, so a is one level deeper than b and
 *       c although its URL sorts first.</li>
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
    private final Map<String, Resource> copies = new LinkedHashMap<>();

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
        duplicates();
    }

    /** The same {@link Resource.Page} under three targets: the server renders its bytes, whichever was asked for. */
    private void duplicates() {
        Ref b = ref("dup-b.html");
        Ref a = ref("dup-a.html");
        Resource.Page page = new Resource.Page(b, "Duplicate content", List.of(home(), Link.to(a, LinkForm.ABSOLUTE)),
                null, b, Resource.Style.NORMAL, 300);
        resources.add(page);
        copies.put(a.target(), page);
        copies.put(ref("dup-c.html").target(), page);
        rootLinks.add(Link.to(b, LinkForm.ROOT));
        rootLinks.add(Link.to(ref("dup-c.html"), LinkForm.ROOT));
    }

    /** The links the root page gets to these pages. */
    List<Link> rootLinks() {
        return rootLinks;
    }

    List<Resource> resources() {
        return resources;
    }

    /** Request targets that serve another target's resource, byte for byte. */
    Map<String, Resource> copies() {
        return copies;
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
