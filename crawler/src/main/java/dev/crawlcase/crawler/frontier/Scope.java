package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.HostRule;
import dev.crawlcase.crawler.url.UrlNormalizer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which normalised URLs the crawl may fetch. A URL is out of scope when any exclude pattern is found in it;
 * otherwise it is in scope when its {@code scheme://host:port} is a seed's, or when any include pattern is found in
 * it ({@link java.util.regex.Matcher#find()} on the whole URL). Immutable and thread-safe.
 *
 */
public final class Scope {
    private final Set<String> seedHosts;
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    /**
     * @param seedUrls absolute http(s) seed URLs (normalised here)
     * @throws IllegalArgumentException when a seed is not an absolute http(s) URL
     */
    public Scope(Collection<String> seedUrls, List<Pattern> includes, List<Pattern> excludes) {
        UrlNormalizer normalizer = UrlNormalizer.defaults();
        this.seedHosts = seedUrls.stream().map(seed -> {
            String key = HostKey.of(normalizer.normalize(seed));
            if (key == null) {
                throw new IllegalArgumentException("seed is not an absolute http(s) URL: " + seed);
            }
            return key;
        }).collect(Collectors.toUnmodifiableSet());
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** The default scope: the seeds' hosts, no patterns. */
    public static Scope ofSeeds(Collection<String> seedUrls) {
        return new Scope(seedUrls, List.of(), List.of());
    }

    public boolean inScope(String normalizedUrl) {
        if (normalizedUrl == null || excludes.stream().anyMatch(p -> p.matcher(normalizedUrl).find())) {
            return false;
        }
        String key = HostKey.of(normalizedUrl);
        return key != null
                && (seedHosts.contains(key) || includes.stream().anyMatch(p -> p.matcher(normalizedUrl).find()));
    }

    /** The seeds' {@code scheme://host:port} keys. */
    public Set<String> seedHosts() {
        return seedHosts;
    }

    /** True when the host of this normalised URL is a loopback host ({@link HostRule}). */
    static boolean isLoopbackUrl(String normalizedUrl) {
        return HostRule.isLoopback(HostKey.host(normalizedUrl));
    }
}
