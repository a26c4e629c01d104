package dev.crawlcase.sites.model;

/** A symbolic URL: a bundled site's name and a request target (path plus optional query), e.g. {@code /s1/p3.html}. */
public record Ref(String site, String target) {

    public Ref {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must start with '/': " + target);
        }
    }

    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The query without '?', or null. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }

    /** The directory part of the path, ending in '/'. */
    public String directory() {
        String path = path();
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** The absolute URL, given the site's base URL {@code http://127.0.0.1:PORT/}. */
    public String absolute(String baseUrl) {
        return baseUrl + target.substring(1);
    }
}
