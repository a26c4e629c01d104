package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.frontier.FrontierSettings;
import dev.crawlcase.crawler.frontier.Scope;
import dev.crawlcase.crawler.url.UrlNormalizer;
import dev.crawlcase.crawler.mode.FetchTimeline;
import dev.crawlcase.crawler.mode.FetcherSettings;
import dev.crawlcase.crawler.task.FetchArchive;
import dev.crawlcase.crawler.warc.WarcSettings;

import java.util.List;
import java.util.regex.Pattern;

/** Turns one {@link CrawlConfig} into the settings of each pipeline stage. */
public final class CrawlSetup {
    private final CrawlConfig config;
    private final UrlNormalizer normalizer;

    public CrawlSetup(CrawlConfig config) {
        this.config = config;
        this.normalizer = new UrlNormalizer(config.sortQuery());
    }

    public UrlNormalizer normalizer() {
        return normalizer;
    }

    public Scope scope() {
        List<String> seeds = config.seeds().stream().map(normalizer::normalize).filter(s -> s != null).toList();
        return new Scope(seeds, patterns(config.scope().include()), patterns(config.scope().exclude()));
    }

    public FrontierSettings frontierSettings() {
        CrawlConfig.Robots robots = config.robots();
        return new FrontierSettings(config.maxDepth(), config.maxPages(), config.politeness().perHostConcurrency(),
                config.politeness().perHostDelayMs(), robots.obey(), robots.maxCrawlDelayMs(),
                config.fetch().maxRedirects(), config.retry(), config.leaseTimeoutMs(), robots.cacheTtlSeconds() * 1000,
                robots.cacheSize(), robots.userAgent(), config.allowRemote(), config.sitemaps().use());
    }

    public FetchLimits fetchLimits() {
        CrawlConfig.Fetch f = config.fetch();
        return new FetchLimits((int) f.connectTimeoutMs(), (int) f.firstByteTimeoutMs(), (int) f.totalTimeoutMs(),
                (int) f.maxBodyBytes(), FetchLimits.DEFAULT_MAX_ROBOTS_BYTES, f.userAgent(), config.allowRemote(),
                f.allowPrivateNetworks(), f.trust(), f.httpVersion(), f.request());
    }

    /** A fetch verticle's settings for the crawl at {@code addresses}, in this JVM or on another cluster node. */
    public FetcherSettings fetcherSettings(CrawlAddresses addresses, int concurrency, String fetcherId) {
        return fetcherSettings(addresses, concurrency, fetcherId, FetchArchive.NONE);
    }

    /** Like {@link #fetcherSettings(CrawlAddresses, int, String)}, keeping every attempt in {@code archive}. */
    public FetcherSettings fetcherSettings(CrawlAddresses addresses, int concurrency, String fetcherId,
                                           FetchArchive archive) {
        return new FetcherSettings(addresses, concurrency, fetchLimits(), normalizer::normalizeLink,
                config.respectNofollow(), fetcherId, archive, config.output().recordDetail(),
                config.robots().obeyPageDirectives(), FetchTimeline.OFF, false, config.sitemaps().limits());
    }

    /** The WARC archive's settings, or null when the crawl keeps none. */
    public WarcSettings warcSettings() {
        CrawlConfig.Output o = config.output();
        return o.warc() == null ? null
                : new WarcSettings(o.warc(), o.warcFileBytes(), config.fetch().userAgent(), config.robots().obey());
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(Pattern::compile).toList();
    }
}
