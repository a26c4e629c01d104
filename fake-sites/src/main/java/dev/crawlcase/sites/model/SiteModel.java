package dev.crawlcase.sites.model;

import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.model.Resource.Missing;
import dev.crawlcase.sites.model.Resource.Page;
import dev.crawlcase.sites.model.Resource.Style;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One generated site, symbolic (no ports): what it serves at each request target. Static resources are
 * generated up front; list pages accept any order and repetition of their query parameters, and the
 * endless calendar is made on demand.
 */
public final class SiteModel {
    private static final Pattern MONTH = Pattern.compile("/calendar/(\\d{4})-(\\d{2})");

    private final long seed;
    private final SiteSpec spec;
    private final Map<String, Resource> resources;

    SiteModel(long seed, SiteSpec spec, Map<String, Resource> resources) {
        this.seed = seed;
        this.spec = spec;
        this.resources = Collections.unmodifiableMap(resources);
    }

    public String name() {
        return spec.name();
    }

    public SiteSpec spec() {
        return spec;
    }

    public long seed() {
        return seed;
    }

    /** The generated resources by request target, in generation order (no list variants, no calendar). */
    public Map<String, Resource> resources() {
        return resources;
    }

    /** What the site serves at a normalised request target (path with unreserved escapes decoded, query). */
    public Resource resolve(String target) {
        Resource resource = resources.get(target);
        if (resource != null) {
            return resource;
        }
        if (target.startsWith(Paths.LIST + "?")) {
            int page = listPage(target.substring(Paths.LIST.length() + 1));
            if (page > 0) {
                return resources.get(Paths.list(page));
            }
        }
        Matcher month = MONTH.matcher(target);
        if (month.matches()) {
            int year = Integer.parseInt(month.group(1));
            int m = Integer.parseInt(month.group(2));
            if (year >= 2000 && m >= 1 && m <= 12) {
                return calendar(year, m);
            }
        }
        return new Missing(new Ref(spec.name(), target));
    }

    public String robotsTxt() {
        StringBuilder out = new StringBuilder("User-agent: *\n");
        spec.robots().disallow().forEach(prefix -> out.append("Disallow: ").append(prefix).append('\n'));
        if (spec.robots().crawlDelay() > 0) {
            out.append("Crawl-delay: ").append(spec.robots().crawlDelay()).append('\n');
        }
        return out.toString();
    }

    /** The list page number for a query of {@code page=N} and {@code sort=asc} in any order, repeats allowed; else 0. */
    private static int listPage(String query) {
        int page = 0;
        for (String param : query.split("&", -1)) {
            if (param.equals("sort=asc")) {
                continue;
            }
            Matcher m = Pattern.compile("page=([1-9]\\d{0,3})").matcher(param);
            if (!m.matches()) {
                return 0;
            }
            int n = Integer.parseInt(m.group(1));
            if (n > Paths.LIST_PAGES || (page != 0 && page != n)) {
                return 0;
            }
            page = n;
        }
        return page;
    }

    private Page calendar(int year, int month) {
        String name = String.format("%04d-%02d", year, month);
        String next = month == 12 ? String.format("%04d-01", year + 1) : String.format("%04d-%02d", year, month + 1);
        Ref self = new Ref(spec.name(), Paths.CALENDAR_DIR + name);
        List<Link> links = List.of(
                Link.to(new Ref(spec.name(), Paths.CALENDAR_DIR + next), LinkForm.RELATIVE),
                Link.to(new Ref(spec.name(), Paths.ROOT), LinkForm.ROOT));
        return new Page(self, "Calendar " + name, links, null, self, Style.NORMAL, 300);
    }
}
