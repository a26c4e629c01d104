package dev.crawlcase.sites;

import dev.crawlcase.sites.GroundTruth.Kind;
import dev.crawlcase.sites.GroundTruth.Request;
import dev.crawlcase.sites.model.Link;
import dev.crawlcase.sites.model.Paths;
import dev.crawlcase.sites.model.Ref;
import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.Resource;
import dev.crawlcase.sites.model.SiteModel;
import dev.crawlcase.sites.model.ReferenceNormalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A breadth-first walk over the generated model (no HTTP): seeds at depth 0, +1 per link or redirect,
 * dedup on the normalised URL, scope, robots, depth and redirect limits, nofollow, permanent faults. Each site's
 * own sitemaps ({@link CrawlRules.Sitemaps}) start at depth 0 beside its seed; what a sitemap lists of its own site
 * is one hop below it (an index's sitemaps are sitemaps too); a sitemap bomb, or a 200 that is no sitemap, ends
 * there. A page whose robots directives say nofollow or none offers no links while the rules obey them.
 */
final class GroundTruthWalker {
    private final Map<String, SiteModel> sites;
    private final Map<String, String> baseUrls;
    private final Replies replies;
    private final CrawlRules rules;
    private final List<String> scope;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Deque<Node> queue = new ArrayDeque<>();

    private static final class Node {
        final String url;
        final String site;
        final int depth;
        final int redirects;
        final TreeSet<String> parents = new TreeSet<>();
        boolean sitemap;
        Kind kind;
        long bodyBytes;

        Node(String url, String site, int depth, int redirects) {
            this.url = url;
            this.site = site;
            this.depth = depth;
            this.redirects = redirects;
        }
    }

    GroundTruthWalker(Map<String, SiteModel> sites, Map<String, String> baseUrls, Replies replies, CrawlRules rules) {
        this.sites = sites;
        this.baseUrls = baseUrls;
        this.replies = replies;
        this.rules = rules;
        for (String name : rules.sites()) {
            if (!sites.containsKey(name)) {
                throw new IllegalArgumentException("no site named " + name + " in this world; sites are " + sites.keySet());
            }
        }
        this.scope = rules.sites().isEmpty() ? List.copyOf(sites.keySet()) : rules.sites();
    }

    GroundTruth walk() {
        sites.keySet().stream().filter(scope::contains).forEach(name -> {
            discover(baseUrls.get(name), 0, 0, null);
            startingSitemaps(name).forEach(url -> discoverSitemap(url, 0, null));
        });
        while (!queue.isEmpty()) {
            visit(queue.removeFirst());
        }
        Map<String, Request> requests = new LinkedHashMap<>();
        nodes.values().forEach(n -> requests.put(n.url, new Request(n.url, n.site, n.depth, n.kind,
                new ArrayList<>(n.parents), n.bodyBytes)));
        return new GroundTruth(requests);
    }

    /** The site's own sitemaps, as the crawler finds them: robots.txt's Sitemap: line, else /sitemap.xml. */
    private List<String> startingSitemaps(String name) {
        List<String> found = new ArrayList<>();
        if (rules.sitemaps() == CrawlRules.Sitemaps.OFF) {
            return found;
        }
        if (rules.obeyRobots() && sites.get(name).spec().sitemaps()) {
            found.add(normalize(new Ref(name, Paths.SITEMAP_INDEX)));
        }
        if (found.isEmpty() && rules.sitemaps() == CrawlRules.Sitemaps.ALWAYS) {
            found.add(normalize(new Ref(name, "/sitemap.xml")));
        }
        return found;
    }

    private void discoverSitemap(String url, int depth, String parent) {
        Node node = discover(url, depth, 0, parent);
        if (node != null) {
            node.sitemap = true;
        }
    }

    /** The new node, or null when the URL was known or is not requested. */
    private Node discover(String url, int depth, int redirects, String parent) {
        if (url == null) {
            return null;
        }
        String site = siteOf(url);
        if (site == null || !scope.contains(site)) {
            return null;
        }
        Node known = nodes.get(url);
        if (known != null) {
            if (parent != null) {
                known.parents.add(parent);
            }
            return null;
        }
        String target = ReferenceNormalizer.target(url);
        if (depth > rules.maxDepth() || (rules.obeyRobots() && sites.get(site).spec().robots().disallows(target))) {
            return null;
        }
        Node node = new Node(url, site, depth, redirects);
        if (parent != null) {
            node.parents.add(parent);
        }
        nodes.put(url, node);
        queue.addLast(node);
        return node;
    }

    private void visit(Node node) {
        SiteModel site = sites.get(node.site);
        String target = ReferenceNormalizer.target(node.url);
        if (site.spec().faults().isPermanent(new Ref(node.site, target).path())) {
            node.kind = Kind.FAULTY;
            node.bodyBytes = Replies.error(500).body().length;
            return;
        }
        Resource resource = site.resolve(target);
        node.bodyBytes = replies.reply(site, resource).body().length;
        if (node.sitemap && (resource instanceof Resource.Sitemap || resource instanceof Resource.SitemapBomb
                || resource instanceof Resource.Page || resource instanceof Resource.Binary)) {
            visitSitemap(node, resource);
        } else if (resource instanceof Resource.DirectedPage directed) {
            node.kind = Kind.PAGE;
            if (!(rules.obeyPageDirectives() && directed.nofollow())) {
                followLinks(node, directed.page());
            }
        } else if (resource instanceof Resource.Page page) {
            node.kind = Kind.PAGE;
            followLinks(node, page);
        } else if (resource instanceof Resource.Redirect redirect) {
            node.kind = Kind.REDIRECT;
            if (node.redirects + 1 <= rules.maxRedirects()) {
                discover(normalize(redirect.location()), node.depth + 1, node.redirects + 1, node.url);
            }
        } else {
            node.kind = resource instanceof Resource.Binary ? Kind.RESOURCE : Kind.MISSING;
        }
    }

    private void followLinks(Node node, Resource.Page page) {
        for (Link link : page.links()) {
            if (!link.isRaw() && !(rules.respectNofollow() && link.nofollow())) {
                discover(normalize(link.target()), node.depth + 1, 0, node.url);
            }
        }
    }

    /** A sitemap read whole lists its own site's URLs one hop below it; anything else that answered 200 is refused. */
    private void visitSitemap(Node node, Resource resource) {
        if (!(resource instanceof Resource.Sitemap sitemap)) {
            node.kind = Kind.SITEMAP_REFUSED;
            return;
        }
        node.kind = Kind.SITEMAP;
        for (Ref entry : sitemap.entries()) {
            if (entry.site().equals(node.site)) {
                if (sitemap.index()) {
                    discoverSitemap(normalize(entry), node.depth + 1, node.url);
                } else {
                    discover(normalize(entry), node.depth + 1, 0, node.url);
                }
            }
        }
    }

    private String normalize(Ref ref) {
        return ReferenceNormalizer.normalize(ref.absolute(baseUrls.get(ref.site())), rules.sortQuery());
    }

    private String siteOf(String url) {
        String base = ReferenceNormalizer.base(url);
        for (Map.Entry<String, String> entry : baseUrls.entrySet()) {
            if (entry.getValue().equals(base)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
