package dev.crawlcase.sites;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a correct breadth-first crawl under some {@link CrawlRules} does, computed from the generated
 * model (not by serving). Every URL is in the shared normal form, e.g. {@code http://127.0.0.1:8081/s1/p3.html}.
 */
public final class GroundTruth {
    private final SortedMap<String, Request> requests;
    private final SortedMap<String, Integer> pages;

    GroundTruth(Map<String, Request> requests) {
        this.requests = Collections.unmodifiableSortedMap(new TreeMap<>(requests));
        TreeMap<String, Integer> htmlPages = new TreeMap<>();
        requests.values().stream().filter(r -> r.kind() == Kind.PAGE).forEach(r -> htmlPages.put(r.url(), r.depth()));
        this.pages = Collections.unmodifiableSortedMap(htmlPages);
    }

    /** HTML pages fetched with status 200, with their breadth-first depth (sorted by URL). */
    public Map<String, Integer> pages() {
        return pages;
    }

    public Set<String> urls() {
        return pages.keySet();
    }

    /**
     * Every request a correct crawl makes (robots.txt aside): HTML pages, redirects, non-HTML resources,
     * 404s and permanently faulty pages, sorted by URL.
     */
    public Map<String, Request> requests() {
        return requests;
    }

    /**
     * One request of the crawl.
     *
     * @param parents   the fetched pages and redirects that link or redirect to it (sorted)
     * @param bodyBytes the size of the body of its successful (or, for FAULTY, its error) response
     */
    public record Request(String url, String site, int depth, Kind kind, List<String> parents, long bodyBytes) {
        public Request {
            parents = List.copyOf(parents);
        }
    }

    /** What a request gets once transient faults are retried away. */
    public enum Kind {
        /** HTML, 200: parsed for links. */
        PAGE,
        /** 301, 302, 303, 307 or 308: its Location is followed. */
        REDIRECT,
        /** Non-HTML, 200. */
        RESOURCE,
        /** 404. */
        MISSING,
        /** A permanently faulty path: 500 on every attempt. */
        FAULTY,
        /** A sitemap (or index) read whole: what it lists of its own site is followed. */
        SITEMAP,
        /** A sitemap refused whole (a bomb over the size bound, or a 200 that is no sitemap): nothing followed. */
        SITEMAP_REFUSED
    }
}
