package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.fetch.HttpVersionChoice;
import dev.crawlcase.crawler.fetch.RequestControls;
import dev.crawlcase.crawler.fetch.TlsTrust;
import dev.crawlcase.crawler.frontier.RetryPolicy;
import dev.crawlcase.crawler.frontier.SitemapSource;
import dev.crawlcase.crawler.parse.LinkSources;
import dev.crawlcase.crawler.parse.SitemapLimits;
import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.warc.WarcSettings;
import dev.crawlcase.json.ConfigFile;

import java.nio.file.Path;
import java.util.List;

/**
 * One crawl's settings, loaded once from {@code config/crawl.json} and overridden by CLI flags. Their defaults and
 * bounds are the constants of the records they end up in ({@code FrontierSettings}, {@link RetryPolicy},
 * {@code FetchLimits}, {@link Mode}); the loader and the flags check them there, before anything is written.
 *
 * @param mode        how fetches run (one rung of the I/O ladder, see {@link dev.crawlcase.crawler.task.Mode})
 * @param concurrency requests in flight at once (threads in thread-pool mode); sequential always uses 1
 * @param maxDepth    link and redirect hops from a seed; deeper URLs are recorded as skipped/depth
 * @param maxPages    distinct pages to fetch at most (0 = no limit); the rest are skipped/page_limit
 * @param seeds       start URLs; none means: start the bundled fake sites ({@code sites}) and crawl them
 * @param retry       retries of 429, 5xx and I/O errors, as the frontier applies them
 * @param sites       the fake-sites world to start when there are no seeds (on disk, or bundled in the jar)
 * @param sitemaps    where seed hosts' sitemaps are found, and each sitemap's bounds
 * @param links       the elements a page's links are taken from ({@code links.sources})
 */
public record CrawlConfig(Mode mode, int concurrency, int maxDepth, long maxPages, List<String> seeds,
                          ScopePatterns scope, boolean sortQuery, boolean respectNofollow, Robots robots,
                          Politeness politeness, Fetch fetch, RetryPolicy retry, long leaseTimeoutMs,
                          boolean allowRemote, ConfigFile sites, Output output, Sitemaps sitemaps,
                          LinkSources links) {

    public CrawlConfig {
        sitemaps = sitemaps == null ? Sitemaps.DEFAULTS : sitemaps;
        links = links == null ? LinkSources.DEFAULT : links;
    }

    /** A crawl that takes links from anchors only. */
    public CrawlConfig(Mode mode, int concurrency, int maxDepth, long maxPages, List<String> seeds,
                       ScopePatterns scope, boolean sortQuery, boolean respectNofollow, Robots robots,
                       Politeness politeness, Fetch fetch, RetryPolicy retry, long leaseTimeoutMs,
                       boolean allowRemote, ConfigFile sites, Output output, Sitemaps sitemaps) {
        this(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow, robots, politeness, fetch,
                retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, LinkSources.DEFAULT);
    }

    public CrawlConfig withLinks(LinkSources l) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                robots, politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, l);
    }

    /** A crawl that reads sitemaps the default way. */
    public CrawlConfig(Mode mode, int concurrency, int maxDepth, long maxPages, List<String> seeds,
                       ScopePatterns scope, boolean sortQuery, boolean respectNofollow, Robots robots,
                       Politeness politeness, Fetch fetch, RetryPolicy retry, long leaseTimeoutMs,
                       boolean allowRemote, ConfigFile sites, Output output) {
        this(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow, robots, politeness, fetch,
                retry, leaseTimeoutMs, allowRemote, sites, output, Sitemaps.DEFAULTS);
    }

    /** Sitemaps: where a seed host's are found ({@code use}) and what one may hold ({@code limits}). */
    public record Sitemaps(SitemapSource use, SitemapLimits limits) {
        public static final Sitemaps DEFAULTS = new Sitemaps(SitemapSource.DEFAULT, SitemapLimits.DEFAULTS);
    }

    public CrawlConfig withSitemaps(Sitemaps s) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                robots, politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, s, links);
    }

    /** Hosts of the seeds are in scope; include patterns add more, exclude patterns (regex on the URL) win. */
    public record ScopePatterns(List<String> include, List<String> exclude) {
    }

    /** robots.txt: obeyed unless {@code obey} is false; cached per host; Crawl-delay honoured up to the cap. */
    public record Robots(boolean obey, String userAgent, long cacheTtlSeconds, int cacheSize, long maxCrawlDelayMs,
                         boolean obeyPageDirectives) {
    }

    /** Per-host limits, enforced by the frontier for every host on its own. */
    public record Politeness(int perHostConcurrency, long perHostDelayMs) {
    }

    /**
     * Per-attempt limits, which https servers are trusted ({@code trustCertificates}, loaded and checked), and
     * whether a remote crawl may reach private, link-local, multicast and reserved addresses
     * ({@code allowPrivateNetworks}, default false), the HTTP version ({@code httpVersion}: 1.1, 2 or auto), and
     * what each request carries besides ({@code headers}, {@code hostHeaders}, {@code acceptLanguage},
     * {@code cookies}, {@code auth}, {@code proxy}: {@link RequestControls}).
     */
    public record Fetch(long connectTimeoutMs, long firstByteTimeoutMs, long totalTimeoutMs, long maxBodyBytes,
                        int maxRedirects, String userAgent, boolean allowPrivateNetworks, TlsTrust trust,
                        HttpVersionChoice httpVersion, RequestControls request) {

        public Fetch withUserAgent(String agent) {
            return new Fetch(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRedirects, agent,
                    allowPrivateNetworks, trust, httpVersion, request);
        }

        public Fetch withTrust(TlsTrust newTrust) {
            return new Fetch(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRedirects,
                    userAgent, allowPrivateNetworks, newTrust, httpVersion, request);
        }

        public Fetch withRequest(RequestControls controls) {
            return new Fetch(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRedirects,
                    userAgent, allowPrivateNetworks, trust, httpVersion, controls);
        }
    }

    /**
     * Where records (JSONL) and the summary (JSON) go, how much a record says about a page, and the WARC archive's
     * folder (null: none kept) with the size at which its next file is started.
     */
    public record Output(Path records, Path summary, Path warc, long warcFileBytes, RecordDetail recordDetail) {
        public Output {
            WarcSettings.MAX_FILE_BYTES_RANGE.check("output.warcFileBytes", warcFileBytes);
        }

        /** Records and summary, basic records, no WARC archive. */
        public Output(Path records, Path summary) {
            this(records, summary, null, WarcSettings.DEFAULT_MAX_FILE_BYTES, RecordDetail.BASIC);
        }

        /** The same, with the WARC archive in {@code dir} (null: none). */
        public Output withWarc(Path dir) {
            return new Output(records, summary, dir, warcFileBytes, recordDetail);
        }

        /** The same, with records that say {@code detail}. */
        public Output withRecordDetail(RecordDetail detail) {
            return new Output(records, summary, warc, warcFileBytes, detail);
        }

        /** The same, writing the records and the summary to these files. */
        public Output withFiles(Path newRecords, Path newSummary) {
            return new Output(newRecords, newSummary, warc, warcFileBytes, recordDetail);
        }
    }

    public CrawlConfig withMode(Mode m) {
        return new CrawlConfig(m, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow, robots,
                politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, links);
    }

    public CrawlConfig withConcurrency(int c) {
        return new CrawlConfig(mode, c, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow, robots,
                politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, links);
    }

    public CrawlConfig withLimits(int depth, long pages) {
        return new CrawlConfig(mode, concurrency, depth, pages, seeds, scope, sortQuery, respectNofollow, robots,
                politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, links);
    }

    public CrawlConfig withSeeds(List<String> s) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, List.copyOf(s), scope, sortQuery,
                respectNofollow, robots, politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps,
                links);
    }

    public CrawlConfig withOutput(Output o) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                robots, politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, o, sitemaps, links);
    }

    public CrawlConfig withRobots(Robots r) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                r, politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, links);
    }

    public CrawlConfig withPoliteness(Politeness p) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                robots, p, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, links);
    }

    public CrawlConfig withFetch(Fetch f) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                robots, politeness, f, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, links);
    }

    public CrawlConfig withScope(ScopePatterns s) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, s, sortQuery, respectNofollow,
                robots, politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps, links);
    }

    public CrawlConfig withAllowRemote(boolean allow) {
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                robots, politeness, fetch, retry, leaseTimeoutMs, allow, sites, output, sitemaps, links);
    }

    /** Sequential mode has one request in flight whatever the configured concurrency. */
    public int effectiveConcurrency() {
        return mode == Mode.SEQUENTIAL ? 1 : concurrency;
    }
}
