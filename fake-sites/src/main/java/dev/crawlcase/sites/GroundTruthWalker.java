package dev.crawlcase.sites;

import dev.crawlcase.sites.GroundTruth.Kind;
import dev.crawlcase.sites.GroundTruth.Request;
import dev.crawlcase.sites.model.Link;
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
 * dedup on the normalised URL, scope, robots, depth and redirect limits, nofollow, permanent faults.
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
        sites.keySet().stream().filter(scope::contains).forEach(name -> discover(baseUrls.get(name), 0, 0, null));
        while (!queue.isEmpty()) {
            visit(queue.removeFirst());
        }
        Map<String, Request> requests = new LinkedHashMap<>();
        nodes.values().forEach(n -> requests.put(n.url, new Request(n.url, n.site, n.depth, n.kind,
                new ArrayList<>(n.parents), n.bodyBytes)));
        return new GroundTruth(requests);
    }

    private void discover(String url, int depth, int redirects, String parent) {
        if (url == null) {
            return;
        }
        String site = siteOf(url);
        if (site == null || !scope.contains(site)) {
            return;
        }
        Node known = nodes.get(url);
        if (known != null) {
            if (parent != null) {
                known.parents.add(parent);
            }
            return;
        }
        String target = ReferenceNormalizer.target(url);
        if (depth > rules.maxDepth() || (rules.obeyRobots() && sites.get(site).spec().robots().disallows(target))) {
            return;
        }
        Node node = new Node(url, site, depth, redirects);
        if (parent != null) {
            node.parents.add(parent);
        }
        nodes.put(url, node);
        queue.addLast(node);
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
        if (resource instanceof Resource.Page page) {
            node.kind = Kind.PAGE;
            for (Link link : page.links()) {
                if (!link.isRaw() && !(rules.respectNofollow() && link.nofollow())) {
                    discover(normalize(link.target()), node.depth + 1, 0, node.url);
                }
            }
        } else if (resource instanceof Resource.Redirect redirect) {
            node.kind = Kind.REDIRECT;
            if (node.redirects + 1 <= rules.maxRedirects()) {
                discover(normalize(redirect.location()), node.depth + 1, node.redirects + 1, node.url);
            }
        } else {
            node.kind = resource instanceof Resource.Binary ? Kind.RESOURCE : Kind.MISSING;
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
