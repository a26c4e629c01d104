package dev.crawlcase.sites.model;

import java.util.List;

/** What a site serves at one request target. */
public sealed interface Resource {

    /** How a page's markup and charset are written. */
    enum Style { NORMAL, BROKEN, LATIN1_HEADER, CP1252_META, LARGE }

    /** An HTML page. {@code base} is its {@code <base href>} (a directory), {@code canonical} its canonical URL. */
    record Page(Ref self, String title, List<Link> links, Ref base, Ref canonical, Style style, int fillerBytes)
            implements Resource {
        public Page {
            links = List.copyOf(links);
        }
    }

    /** A redirect; {@code relativeLocation} writes the Location header as a root-relative path. */
    record Redirect(Ref self, int status, Ref location, boolean relativeLocation) implements Resource {
    }

    /** A non-HTML resource of a given type and size. */
    record Binary(Ref self, String contentType, int bytes) implements Resource {
    }

    /**
     * A sitemap (an index when {@code index}) listing {@code entries} as absolute URLs; sent gzip'd (as
     * {@code application/gzip}, not as a content coding) when {@code gzip}.
     */
    record Sitemap(Ref self, List<Ref> entries, boolean index, boolean gzip) implements Resource {
        public Sitemap {
            entries = List.copyOf(entries);
        }
    }

    /** A gzip'd sitemap that inflates to {@code inflatedBytes}, more than any sitemap may hold. */
    record SitemapBomb(Ref self, int inflatedBytes) implements Resource {
    }

    /**
     * An HTML page with robots directives: {@code meta} in a {@code <meta name="robots">} (null: none) and
     * {@code header} in an {@code X-Robots-Tag} header (null: none).
     */
    record DirectedPage(Page page, String meta, String header) implements Resource {
        @Override
        public Ref self() {
            return page.self();
        }

        /** Whether either says not to follow the page's links. */
        public boolean nofollow() {
            return says(meta) || says(header);
        }

        private static boolean says(String directives) {
            return directives != null && java.util.Arrays.stream(directives.split(","))
                    .map(String::trim).anyMatch(t -> t.equals("nofollow") || t.equals("none"));
        }
    }

    /** Nothing here: 404. */
    record Missing(Ref self) implements Resource {
    }

    Ref self();
}
