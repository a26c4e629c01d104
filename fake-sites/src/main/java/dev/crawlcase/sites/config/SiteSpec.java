package dev.crawlcase.sites.config;

import dev.crawlcase.json.Check;
import dev.crawlcase.json.ConfigException;

import java.util.regex.Pattern;

/**
 * One fake site. JSON keys:
 * <ul>
 * <li>{@code name} (required): lower-case letters and digits, unique.</li>
 * <li>{@code port} (required): loopback port, 0 = ephemeral; non-zero ports are unique.</li>
 * <li>{@code pages}: ordinary generated pages including the root, >= 10 (default 60).</li>
 * <li>{@code levels}: breadth-first levels of ordinary pages, root = level 0, in [2, 12] (default 5).</li>
 * <li>{@code outDegree}: {@link Distribution} of links per ordinary page, at most 10,000 (default uniform 3..8).</li>
 * <li>{@code pageBytes}: {@link Distribution} of filler text bytes per page (default lognormal 4000, 0.5, 30000).</li>
 * <li>{@code largePageBytes}: size of {@code /big.html}, 0 = no large page (default 0).</li>
 * <li>{@code latency}: {@link Distribution} of time to first byte in ms (default fixed 0).</li>
 * <li>{@code bandwidth}: body bytes per second, dribbled in chunks on timers; 0 = unlimited (default 0).</li>
 * <li>{@code robots}: {@link RobotsSpec}.</li>
 * <li>{@code faults}: {@link FaultSpec}.</li>
 * <li>{@code access}: {@link SiteAccess} (default open).</li>
 * <li>{@code sitemaps}: serve sitemaps (default false): robots.txt names {@code /sitemap_index.xml}, an index of a
 * gzip'd sitemap of some of its pages, a sitemap of pages reachable only through it, a gzip bomb and itself
 * (see {@code model.SitemapResources}).</li>
 * <li>{@code directives}: serve pages with robots directives (default false): meta robots nofollow, none and
 * noindex, an {@code X-Robots-Tag: nofollow} header, a canonical link, each linked from the root (see
 * {@code model.DirectivePages}).</li>
 * </ul>
 */
public record SiteSpec(String name, int port, int pages, int levels, Distribution outDegree,
                       Distribution pageBytes, int largePageBytes, Distribution latency, long bandwidth,
                       RobotsSpec robots, FaultSpec faults, SiteAccess access, boolean sitemaps,
                       boolean directives) {

    /** Links per page at most: thousands, for the parse-bound benchmark's large pages. */
    public static final int MAX_OUT_DEGREE = 10_000;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,30}");

    public SiteSpec {
        Check.notNull("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException("name", "must be lower-case letters and digits starting with a letter, got " + name);
        }
        Check.between("port", port, 0, 65535);
        Check.atLeast("pages", pages, 10);
        Check.between("levels", levels, 2, 12);
        Check.notNull("outDegree", outDegree);
        if (outDegree.max() > MAX_OUT_DEGREE) {
            throw new ConfigException("outDegree", "max must be <= " + MAX_OUT_DEGREE + ", got " + Check.show(outDegree.max()));
        }
        Check.notNull("pageBytes", pageBytes);
        if (pageBytes.max() > 1_000_000) {
            throw new ConfigException("pageBytes", "max must be <= 1000000, got " + Check.show(pageBytes.max()));
        }
        Check.between("largePageBytes", largePageBytes, 0, 50_000_000);
        Check.notNull("latency", latency);
        if (latency.max() > 600_000) {
            throw new ConfigException("latency", "max must be <= 600000 ms, got " + Check.show(latency.max()));
        }
        Check.atLeast("bandwidth", bandwidth, 0);
        Check.notNull("robots", robots);
        Check.notNull("faults", faults);
        Check.notNull("access", access);
    }

    /** An open site without sitemaps or directives. */
    public SiteSpec(String name, int port, int pages, int levels, Distribution outDegree, Distribution pageBytes,
                    int largePageBytes, Distribution latency, long bandwidth, RobotsSpec robots, FaultSpec faults) {
        this(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots, faults,
                SiteAccess.OPEN, false, false);
    }

    /** A site without sitemaps or directives. */
    public SiteSpec(String name, int port, int pages, int levels, Distribution outDegree, Distribution pageBytes,
                    int largePageBytes, Distribution latency, long bandwidth, RobotsSpec robots, FaultSpec faults,
                    SiteAccess access) {
        this(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots, faults,
                access, false, false);
    }

    /** An open site. */
    public SiteSpec(String name, int port, int pages, int levels, Distribution outDegree, Distribution pageBytes,
                    int largePageBytes, Distribution latency, long bandwidth, RobotsSpec robots, FaultSpec faults,
                    boolean sitemaps, boolean directives) {
        this(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots, faults,
                SiteAccess.OPEN, sitemaps, directives);
    }

    public SiteSpec withSitemaps(boolean serve) {
        return new SiteSpec(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots,
                faults, access, serve, directives);
    }

    public SiteSpec withDirectives(boolean serve) {
        return new SiteSpec(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots,
                faults, access, sitemaps, serve);
    }

    /** A small quick site with defaults: 60 pages, 5 levels, no latency, no faults, ephemeral port. */
    public static SiteSpec named(String name) {
        return new SiteSpec(name, 0, 60, 5, Distribution.uniform(3, 8), Distribution.lognormal(4000, 0.5, 30000),
                0, Distribution.fixed(0), 0, RobotsSpec.defaults(), FaultSpec.none(), SiteAccess.OPEN);
    }

    public SiteSpec withPort(int newPort) {
        return new SiteSpec(name, newPort, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots, faults, access, sitemaps, directives);
    }

    public SiteSpec withPages(int newPages, int newLevels) {
        return new SiteSpec(name, port, newPages, newLevels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots, faults, access, sitemaps, directives);
    }

    public SiteSpec withOutDegree(Distribution d) {
        return new SiteSpec(name, port, pages, levels, d, pageBytes, largePageBytes, latency, bandwidth, robots, faults, access, sitemaps, directives);
    }

    public SiteSpec withPageBytes(Distribution d) {
        return new SiteSpec(name, port, pages, levels, outDegree, d, largePageBytes, latency, bandwidth, robots, faults, access, sitemaps, directives);
    }

    public SiteSpec withLargePageBytes(int bytes) {
        return new SiteSpec(name, port, pages, levels, outDegree, pageBytes, bytes, latency, bandwidth, robots, faults, access, sitemaps, directives);
    }

    public SiteSpec withLatency(Distribution d) {
        return new SiteSpec(name, port, pages, levels, outDegree, pageBytes, largePageBytes, d, bandwidth, robots, faults, access, sitemaps, directives);
    }

    public SiteSpec withBandwidth(long bytesPerSecond) {
        return new SiteSpec(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bytesPerSecond, robots, faults, access, sitemaps, directives);
    }

    public SiteSpec withRobots(RobotsSpec r) {
        return new SiteSpec(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, r, faults, access, sitemaps, directives);
    }

    public SiteSpec withFaults(FaultSpec f) {
        return new SiteSpec(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots, f, access, sitemaps, directives);
    }

    public SiteSpec withAccess(SiteAccess a) {
        return new SiteSpec(name, port, pages, levels, outDegree, pageBytes, largePageBytes, latency, bandwidth, robots, faults, a, sitemaps, directives);
    }

    /** The robots.txt Crawl-delay in seconds, 0 if none. */
    public double crawlDelaySeconds() {
        return robots.crawlDelay();
    }
}
