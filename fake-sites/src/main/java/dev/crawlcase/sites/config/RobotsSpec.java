package dev.crawlcase.sites.config;

import dev.crawlcase.json.Check;
import dev.crawlcase.json.ConfigException;

import java.util.List;

/**
 * The site's robots.txt, one {@code User-agent: *} group. JSON keys (optional):
 * {@code disallow}: path prefixes (default {@code ["/private/"]}); {@code crawlDelay}: seconds, may be
 * fractional, 0 = no Crawl-delay line (default 0).
 */
public record RobotsSpec(List<String> disallow, double crawlDelay) {

    public RobotsSpec {
        disallow = List.copyOf(disallow);
        for (int i = 0; i < disallow.size(); i++) {
            if (!disallow.get(i).startsWith("/")) {
                throw new ConfigException("disallow[" + i + "]", "must start with '/', got " + disallow.get(i));
            }
        }
        Check.between("crawlDelay", crawlDelay, 0, 60);
    }

    public static RobotsSpec defaults() {
        return new RobotsSpec(List.of("/private/"), 0);
    }

    /** Whether a path (with its query) is disallowed: plain prefix match, as robots.txt without wildcards. */
    public boolean disallows(String pathAndQuery) {
        return disallow.stream().anyMatch(pathAndQuery::startsWith);
    }
}
