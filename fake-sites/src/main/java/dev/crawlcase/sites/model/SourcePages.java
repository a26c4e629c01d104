package dev.crawlcase.sites.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a site with {@code linkSources} serves under {@code /sources/}: two pages the root links to with {@code <a>},
 * each naming pages that nothing else names, so which link sources a crawler followed shows in the pages it found:
 * <ul>
 *   <li>{@code embeds.html}: {@code <link rel="alternate" hreflang="de">} to {@code alternate-de.html},
 *       {@code <link rel="next">} to {@code next.html} and an {@code <iframe>} of {@code iframe.html};</li>
 *   <li>{@code frames.html}: a frameset of {@code frame-left.html} and {@code frame-right.html}.</li>
 * </ul>
 * Every page named only that way links back home with {@code <a>}.
 */
final class SourcePages {
    static final String DIR = "/sources/";

    private final String site;
    private final List<Resource> resources = new ArrayList<>();
    private final List<Link> rootLinks = new ArrayList<>();

    SourcePages(String site) {
        this.site = site;
        Ref embeds = ref("embeds.html");
        Resource.Page page = new Resource.Page(embeds, "Other link sources", List.of(home()), null, embeds,
                Resource.Style.NORMAL, 300);
        resources.add(new Resource.EmbeddingPage(page, List.of(hidden("alternate-de.html"), hidden("next.html")),
                List.of(hidden("iframe.html"))));
        Ref frames = ref("frames.html");
        resources.add(new Resource.FramesetPage(frames, "Frames",
                List.of(hidden("frame-left.html"), hidden("frame-right.html"))));
        rootLinks.add(Link.to(embeds, LinkForm.ROOT));
        rootLinks.add(Link.to(frames, LinkForm.ROOT));
    }

    /** The links the root page gets to these pages. */
    List<Link> rootLinks() {
        return rootLinks;
    }

    List<Resource> resources() {
        return resources;
    }

    /** A page only a non-{@code <a>} source names; it links home. */
    private Ref hidden(String file) {
        Ref self = ref(file);
        resources.add(new Resource.Page(self, "Reached by " + file, List.of(home()), null, self,
                Resource.Style.NORMAL, 300));
        return self;
    }

    private Link home() {
        return Link.to(new Ref(site, Paths.ROOT), LinkForm.ROOT);
    }

    private Ref ref(String file) {
        return new Ref(site, DIR + file);
    }
}
