package dev.crawlcase.sites.model;

import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.model.Resource.Page;
import dev.crawlcase.sites.model.Resource.Style;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates one site's ordinary pages from (seed, spec): a tree of {@code levels} breadth-first levels
 * (each page's parent one level up) plus extra links to pages at most one level deeper, so a page's
 * breadth-first depth is its level. Special pages come from {@link SpecialPages}.
 */
public final class SiteGenerator {
    private static final LinkForm[] RANDOM_FORMS = {
        LinkForm.ABSOLUTE, LinkForm.UPPER_SCHEME, LinkForm.PROTOCOL_RELATIVE, LinkForm.ROOT, LinkForm.RELATIVE,
        LinkForm.RELATIVE, LinkForm.RELATIVE, LinkForm.FRAGMENT, LinkForm.PERCENT, LinkForm.ROOT
    };

    private final long seed;
    private final SiteSpec spec;
    private final List<String> otherSites;
    private final Random random;
    private final List<List<Ref>> levels = new ArrayList<>();
    private final Map<Ref, List<Link>> links = new LinkedHashMap<>();

    private SiteGenerator(long seed, SiteSpec spec, List<String> allSites) {
        this.seed = seed;
        this.spec = spec;
        this.otherSites = allSites.stream().filter(s -> !s.equals(spec.name())).toList();
        this.random = Seeds.random(seed, spec.name(), "generate");
    }

    /** The site model for {@code spec}; {@code allSites} names every site of the world, in config order. */
    public static SiteModel generate(long seed, SiteSpec spec, List<String> allSites) {
        return new SiteGenerator(seed, spec, allSites).build();
    }

    private SiteModel build() {
        layOutLevels();
        linkTree();
        SpecialPages specials = new SpecialPages(spec, otherSites, random, this::randomOrdinary, deepest());
        links.get(ref(Paths.ROOT)).addAll(specials.hubLinks());
        DirectivePages directives = spec.directives() ? new DirectivePages(spec.name(), ref(Paths.ordinary(1))) : null;
        if (directives != null) {
            links.get(ref(Paths.ROOT)).addAll(directives.rootLinks());
        }
        addExtraLinks(specials);
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (int level = 0; level < levels.size(); level++) {
            for (Ref page : levels.get(level)) {
                resources.put(page.target(), ordinaryPage(page, level));
            }
        }
        specials.resources().forEach(r -> resources.put(r.self().target(), r));
        if (directives != null) {
            directives.resources().forEach(r -> resources.put(r.self().target(), r));
        }
        if (spec.sitemaps()) { // a random stream of its own: turning sitemaps on changes no page of the site
            SitemapResources.of(spec, otherSites, levels, Seeds.random(seed, spec.name(), "sitemaps"))
                    .forEach(r -> resources.put(r.self().target(), r));
        }
        return new SiteModel(seed, spec, resources);
    }

    private void layOutLevels() {
        int others = spec.pages() - 1;
        int below = Math.min(spec.levels() - 1, others);
        double weights = 0;
        for (int l = 1; l <= below; l++) {
            weights += Math.pow(2, l);
        }
        levels.add(List.of(ref(Paths.ROOT)));
        int number = 1;
        int remaining = others;
        for (int l = 1; l <= below; l++) {
            int size = l == below ? remaining
                    : (int) Math.max(1, Math.min(remaining - (below - l), Math.round(others * Math.pow(2, l) / weights)));
            List<Ref> level = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                level.add(ref(Paths.ordinary(number++)));
            }
            levels.add(level);
            remaining -= size;
        }
        levels.forEach(level -> level.forEach(page -> links.put(page, new ArrayList<>())));
    }

    private void linkTree() {
        for (int l = 1; l < levels.size(); l++) {
            List<Ref> parents = levels.get(l - 1);
            List<Ref> level = levels.get(l);
            for (int i = 0; i < level.size(); i++) {
                List<Link> parentLinks = links.get(parents.get(i % parents.size()));
                LinkForm form = l == 1 ? RANDOM_FORMS[i % RANDOM_FORMS.length] : randomForm();
                parentLinks.add(Link.to(level.get(i), form));
            }
        }
    }

    private void addExtraLinks(SpecialPages specials) {
        for (int l = 1; l < levels.size(); l++) {
            List<Ref> reachable = new ArrayList<>();
            for (int k = 0; k <= Math.min(l + 1, levels.size() - 1); k++) {
                reachable.addAll(levels.get(k));
            }
            for (Ref page : levels.get(l)) {
                List<Link> pageLinks = links.get(page);
                long extra = Math.max(0, spec.outDegree().sampleLong(random) - pageLinks.size());
                for (int i = 0; i < extra; i++) {
                    Link link = random.nextDouble() < 0.12 ? specials.sprinkle()
                            : Link.to(reachable.get(random.nextInt(reachable.size())), randomForm());
                    if (random.nextDouble() < 0.04) {
                        link = link.withNofollow();
                    }
                    if (random.nextDouble() < 0.04) {
                        link = link.inArea();
                    }
                    pageLinks.add(link);
                }
            }
        }
    }

    private Page ordinaryPage(Ref page, int level) {
        int fillerBytes = (int) Math.max(0, spec.pageBytes().sampleLong(random));
        String name = Character.toUpperCase(spec.name().charAt(0)) + spec.name().substring(1);
        String title = level == 0 ? name + " home" : name + " " + page.path().replaceAll("\\D+", " ").trim()
                .replaceAll(".* ", "") + ": " + Words.title(random, 3);
        Ref base = null;
        if (level > 0 && random.nextDouble() < 0.12) {
            int section = Integer.parseInt(page.path().substring(2, page.path().indexOf('/', 1)));
            base = ref("/s" + ((section + 1) % Paths.SECTIONS) + "/");
        }
        Ref canonical = level == 0 ? ref(Paths.INDEX) : page;
        return new Page(page, title, links.get(page), base, canonical, Style.NORMAL, fillerBytes);
    }

    private LinkForm randomForm() {
        return RANDOM_FORMS[random.nextInt(RANDOM_FORMS.length)];
    }

    private Ref randomOrdinary() {
        int level = 1 + random.nextInt(levels.size() - 1);
        List<Ref> pages = levels.get(level);
        return pages.get(random.nextInt(pages.size()));
    }

    private List<Ref> deepest() {
        return levels.get(levels.size() - 1);
    }

    private Ref ref(String target) {
        return new Ref(spec.name(), target);
    }
}
