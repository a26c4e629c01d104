package dev.crawlcase.sites.hostile;

import java.util.Map;

/**
 * One way a server can be hostile, served on a host of its own from its root page {@code /}.
 *
 * @param name     a short name (also what a test reports)
 * @param why      what the case tries to do to a crawler
 * @param answers  the answer to a request, given the case's base URL ({@code http://127.0.0.1:PORT}) and the
 *                 request path; null for a 404 (so a robots.txt the case does not mention allows all)
 * @param expected the record a correct crawler writes for each URL of the case, by path; no other URL of the
 *                 case gets one
 */
public record HostileCase(String name, String why, Answers answers, Map<String, Expected> expected) {
    public HostileCase {
        expected = Map.copyOf(expected);
    }

    /** How a case answers one request. */
    @FunctionalInterface
    public interface Answers {
        Answer to(String base, String path);
    }
}
