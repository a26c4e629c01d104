package dev.crawlcase.sites.model;

import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.model.Resource.Binary;
import dev.crawlcase.sites.model.Resource.Page;
import dev.crawlcase.sites.model.Resource.Redirect;
import dev.crawlcase.sites.model.Resource.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The pages every site has besides its ordinary ones: query-string lists, a private (robots-disallowed)
 * section, redirects of each status, a chain and a loop, non-HTML resources, 404s, odd charsets, broken
 * markup, an optional large page, and the links from the root page that reach them.
 */
final class SpecialPages {
    static final int[] REDIRECT_STATUSES = {301, 302, 303, 307, 308};

    private final SiteSpec spec;
    private final List<String> otherSites;
    private final Random random;
    private final Supplier<Ref> randomOrdinary;
    private final List<Ref> deepest;
    private final List<Resource> resources = new ArrayList<>();

    SpecialPages(SiteSpec spec, List<String> otherSites, Random random, Supplier<Ref> randomOrdinary, List<Ref> deepest) {
        this.spec = spec;
        this.otherSites = otherSites;
        this.random = random;
        this.randomOrdinary = randomOrdinary;
        this.deepest = deepest;
        build();
    }

    List<Resource> resources() {
        return resources;
    }

    /** Links from the root page to every special page, plus every kind of link that leads nowhere. */
    List<Link> hubLinks() {
        List<Link> hub = new ArrayList<>(List.of(
                Link.to(ref(Paths.list(1)), LinkForm.ROOT),
                Link.to(ref(Paths.CALENDAR_START), LinkForm.RELATIVE),
                Link.to(ref(Paths.redirect(301)), LinkForm.ABSOLUTE),
                Link.to(ref(Paths.redirect(302)), LinkForm.UPPER_SCHEME),
                Link.to(ref(Paths.redirect(303)), LinkForm.PROTOCOL_RELATIVE),
                Link.to(ref(Paths.redirect(307)), LinkForm.PERCENT),
                Link.to(ref(Paths.redirect(308)), LinkForm.FRAGMENT),
                Link.to(ref(Paths.CHAIN + 1), LinkForm.ROOT),
                Link.to(ref(Paths.LOOP_A), LinkForm.ROOT),
                Link.to(ref(Paths.PNG), LinkForm.RELATIVE),
                Link.to(ref(Paths.PDF), LinkForm.ROOT),
                Link.to(ref(Paths.CSS), LinkForm.ABSOLUTE),
                Link.to(ref(Paths.missing(1)), LinkForm.ROOT),
                Link.to(ref(Paths.BROKEN), LinkForm.ROOT),
                Link.to(ref(Paths.LATIN1), LinkForm.RELATIVE),
                Link.to(ref(Paths.CP1252), LinkForm.ROOT),
                Link.to(ref(Paths.privatePage(1)), LinkForm.ROOT),
                Link.to(ref(Paths.NOFOLLOW_ONLY), LinkForm.ROOT).withNofollow(),
                Link.to(randomOrdinary.get(), LinkForm.ROOT).inArea(),
                Link.to(ref(Paths.ROOT), LinkForm.EMPTY),
                Link.to(ref(Paths.ROOT), LinkForm.HASH_ONLY),
                Link.raw("http://x.invalid/"),
                Link.raw("https://x.invalid/page?q=1"),
                Link.raw("mailto:webmaster@x.invalid"),
                Link.raw("javascript:void(0)"),
                Link.raw("tel:+15550100"),
                Link.raw("data:text/html,hello")));
        if (spec.largePageBytes() > 0) {
            hub.add(Link.to(ref(Paths.BIG), LinkForm.ROOT));
        }
        if (!otherSites.isEmpty()) {
            hub.add(Link.to(ref(Paths.AWAY), LinkForm.ROOT));
            otherSites.forEach(other -> hub.add(Link.to(new Ref(other, Paths.ROOT), LinkForm.ABSOLUTE)));
        }
        return hub;
    }

    /** A random link to a special page, for the extra links of ordinary pages. */
    Link sprinkle() {
        int pick = random.nextInt(otherSites.isEmpty() ? 8 : 9);
        return switch (pick) {
            case 0 -> Link.to(ref(Paths.privatePage(2)), LinkForm.ROOT);
            case 1 -> Link.to(ref(Paths.missing(2)), LinkForm.RELATIVE);
            case 2 -> Link.to(ref(Paths.missing(3)), LinkForm.ABSOLUTE);
            case 3 -> Link.to(ref(Paths.PNG), LinkForm.ROOT);
            case 4 -> Link.to(ref(Paths.list(1)), LinkForm.RELATIVE);
            case 5 -> Link.to(ref(Paths.CHAIN + 1), LinkForm.ROOT);
            case 6 -> Link.raw("http://x.invalid/elsewhere");
            case 7 -> Link.raw("mailto:someone@x.invalid");
            default -> Link.to(new Ref(otherSites.get(random.nextInt(otherSites.size())),
                    Paths.ordinary(1 + random.nextInt(9))), LinkForm.ABSOLUTE);
        };
    }

    private void build() {
        for (int n = 1; n <= Paths.LIST_PAGES; n++) {
            resources.add(listPage(n));
        }
        for (int i = 1; i <= 3; i++) {
            resources.add(page(Paths.privatePage(i), "Private " + i, List.of(
                    Link.to(ref(Paths.privatePage(i % 3 + 1)), LinkForm.RELATIVE),
                    Link.to(ref(Paths.ORPHAN), LinkForm.ROOT),
                    Link.to(randomOrdinary.get(), LinkForm.ROOT)), Style.NORMAL));
        }
        resources.add(page(Paths.ORPHAN, "Only linked from private pages", List.of(
                Link.to(ref(Paths.ROOT), LinkForm.ROOT), Link.to(randomOrdinary.get(), LinkForm.RELATIVE)), Style.NORMAL));
        resources.add(page(Paths.NOFOLLOW_ONLY, "Only linked with rel=nofollow",
                List.of(Link.to(ref(Paths.ROOT), LinkForm.ROOT)), Style.NORMAL));
        resources.add(page(Paths.BROKEN, "Broken markup", threeLinks(), Style.BROKEN));
        resources.add(page(Paths.LATIN1, "Café crème, Größe & Señor", threeLinks(), Style.LATIN1_HEADER));
        resources.add(page(Paths.CP1252, "Prix 5 € – naïve “citation”", threeLinks(), Style.CP1252_META));
        if (spec.largePageBytes() > 0) {
            List<Link> big = new ArrayList<>(threeLinks());
            big.add(Link.to(ref(Paths.PDF), LinkForm.ROOT));
            resources.add(new Page(ref(Paths.BIG), "A very large page", big, null, ref(Paths.BIG), Style.LARGE,
                    spec.largePageBytes()));
        }
        redirects();
        resources.add(new Binary(ref(Paths.PNG), "image/png", 1000 + random.nextInt(5000)));
        resources.add(new Binary(ref(Paths.PDF), "application/pdf", 5000 + random.nextInt(15000)));
        resources.add(new Binary(ref(Paths.CSS), "text/css; charset=utf-8", 500 + random.nextInt(1500)));
    }

    private void redirects() {
        for (int status : REDIRECT_STATUSES) {
            resources.add(new Redirect(ref(Paths.redirect(status)), status, deep(), status == 302));
        }
        for (int i = 1; i <= Paths.CHAIN_LENGTH; i++) {
            Ref next = i < Paths.CHAIN_LENGTH ? ref(Paths.CHAIN + (i + 1)) : deep();
            resources.add(new Redirect(ref(Paths.CHAIN + i), i % 2 == 0 ? 302 : 301, next, i % 2 == 0));
        }
        resources.add(new Redirect(ref(Paths.LOOP_A), 302, ref(Paths.LOOP_B), false));
        resources.add(new Redirect(ref(Paths.LOOP_B), 302, ref(Paths.LOOP_A), true));
        if (!otherSites.isEmpty()) {
            String other = otherSites.get(random.nextInt(otherSites.size()));
            resources.add(new Redirect(ref(Paths.AWAY), 302, new Ref(other, Paths.ordinary(1 + random.nextInt(9))), false));
        }
    }

    private Page listPage(int n) {
        List<Link> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(Link.to(randomOrdinary.get(), i % 2 == 0 ? LinkForm.ROOT : LinkForm.RELATIVE));
        }
        if (n < Paths.LIST_PAGES) {
            items.add(Link.to(ref(Paths.list(n + 1)), LinkForm.QUERY_ONLY));
        }
        if (n == 1) {
            items.add(Link.to(ref(Paths.LIST + "?sort=asc&page=2"), LinkForm.ROOT));
            items.add(Link.to(ref(Paths.LIST + "?page=2&sort=asc&sort=asc"), LinkForm.ABSOLUTE));
        }
        return new Page(ref(Paths.list(n)), "List page " + n, items, null, ref(Paths.list(n)), Style.NORMAL, 800);
    }

    private List<Link> threeLinks() {
        return List.of(Link.to(randomOrdinary.get(), LinkForm.ROOT), Link.to(randomOrdinary.get(), LinkForm.RELATIVE),
                Link.to(randomOrdinary.get(), LinkForm.ABSOLUTE));
    }

    private Page page(String target, String title, List<Link> links, Style style) {
        return new Page(ref(target), title, links, null, ref(target), style, 600 + random.nextInt(1200));
    }

    private Ref deep() {
        return deepest.get(random.nextInt(deepest.size()));
    }

    private Ref ref(String target) {
        return new Ref(spec.name(), target);
    }
}
