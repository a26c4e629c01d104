package dev.crawlcase.crawler.frontier;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which normalised URLs the crawl may fetch. A URL is out of scope when any exclude pattern is found in it;
 * otherwise it is in scope when its {@code scheme://host:port} is a seed's, or when any include pattern is found in
 * it ({@link java.util.regex.Matcher#find()} on the whole URL). Immutable and thread-safe.
 *
 * <p>Also home of the loopback guard ({@link #isLoopbackHost}); the {@link Frontier} applies it to in-scope URLs.
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

    /** True for 127.0.0.0/8, "localhost" and the IPv6 loopback (::1, with or without brackets). */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.indexOf(':') >= 0 ? isIpv6Loopback(h) : isIpv4Loopback(h);
    }

    /** True when the host of this normalised URL is a loopback host. */
    static boolean isLoopbackUrl(String normalizedUrl) {
        return isLoopbackHost(HostKey.host(normalizedUrl));
    }

    private static boolean isIpv4Loopback(String h) {
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return octets[0].equals("127");
    }

    private static boolean isIpv6Loopback(String h) {
        int gap = h.indexOf("::");
        if (gap >= 0 && h.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String head = gap < 0 ? h : h.substring(0, gap);
        String tail = gap < 0 ? "" : h.substring(gap + 2);
        if (gap >= 0 && tail.isEmpty()) {
            return false;
        }
        String[] left = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] right = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        int groups = left.length + right.length;
        if (gap < 0 ? groups != 8 : groups > 7) {
            return false;
        }
        String[] all = new String[groups];
        System.arraycopy(left, 0, all, 0, left.length);
        System.arraycopy(right, 0, all, left.length, right.length);
        if (all.length == 0) {
            return false;
        }
        for (int i = 0; i < all.length; i++) {
            String g = all[i];
            if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> PercentCodec.hex((char) c) >= 0)) {
                return false;
            }
            int value = Integer.parseInt(g, 16);
            if (value != (i == all.length - 1 ? 1 : 0)) {
                return false;
            }
        }
        return gap >= 0 || groups == 8;
    }
}
