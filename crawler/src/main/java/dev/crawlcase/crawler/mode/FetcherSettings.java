package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.task.FetchArchive;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.parse.LinkNormalizer;
import dev.crawlcase.crawler.parse.LinkSources;
import dev.crawlcase.crawler.parse.PageProcessor;
import dev.crawlcase.crawler.parse.SitemapLimits;
import java.util.function.BooleanSupplier;

/**
 * What every fetch verticle needs, whatever its mode: where the frontier is, how many fetches to keep in
 * flight, the fetch limits, and how to parse. The link normaliser is the crawl's
 * {@code UrlNormalizer::normalizeLink}; a test may pass one that fails, to prove a worker outlives a failed task. The
 * archive keeps every attempt before it is reported ({@link FetchArchive#NONE}: none kept); {@code detail} is how
 * much the parse step works out for each page's record; with {@code obeyPageDirectives} a page whose robots
 * directives say nofollow offers no links. The timeline records when each task ran, for a comparison's report
 * ({@link FetchTimeline#OFF} otherwise); with {@code liveSlots} each verticle publishes what its slots hold, for a
 * live page. {@code linkSources} are the elements a page's links are taken from.
 */
public record FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits,
                              LinkNormalizer normalizer, boolean respectNofollow, String fetcherId,
                              FetchArchive archive, RecordDetail detail, boolean obeyPageDirectives,
                              FetchTimeline timeline, boolean liveSlots, SitemapLimits sitemapLimits,
                              LinkSources linkSources, BooleanSupplier acting) {
    /** A fetcher whose node always acts on its work (no {@code PauseFence}). */
    private static final BooleanSupplier ALWAYS = () -> true;

    /** Settings of a fetcher that never stops acting. */
    public FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits, LinkNormalizer normalizer,
                           boolean respectNofollow, String fetcherId, FetchArchive archive, RecordDetail detail,
                           boolean obeyPageDirectives, FetchTimeline timeline, boolean liveSlots,
                           SitemapLimits sitemapLimits, LinkSources linkSources) {
        this(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive, detail,
                obeyPageDirectives, timeline, liveSlots, sitemapLimits, linkSources, ALWAYS);
    }

    /** Settings that take links from anchors only. */
    public FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits, LinkNormalizer normalizer,
                           boolean respectNofollow, String fetcherId, FetchArchive archive, RecordDetail detail,
                           boolean obeyPageDirectives, FetchTimeline timeline, boolean liveSlots,
                           SitemapLimits sitemapLimits) {
        this(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive, detail,
                obeyPageDirectives, timeline, liveSlots, sitemapLimits, LinkSources.DEFAULT);
    }

    /** Settings whose sitemaps get the default bounds. */
    public FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits, LinkNormalizer normalizer,
                           boolean respectNofollow, String fetcherId, FetchArchive archive, RecordDetail detail,
                           boolean obeyPageDirectives, FetchTimeline timeline, boolean liveSlots) {
        this(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive, detail,
                obeyPageDirectives, timeline, liveSlots, SitemapLimits.DEFAULTS);
    }

    /** Settings of a fetcher that keeps no archive, parses for basic records and records no timeline. */
    public FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits, LinkNormalizer normalizer,
                           boolean respectNofollow, String fetcherId) {
        this(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, FetchArchive.NONE,
                RecordDetail.BASIC, true, FetchTimeline.OFF, false);
    }

    /** Settings that record no timeline. */
    public FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits, LinkNormalizer normalizer,
                           boolean respectNofollow, String fetcherId, FetchArchive archive, RecordDetail detail,
                           boolean obeyPageDirectives) {
        this(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive, detail,
                obeyPageDirectives, FetchTimeline.OFF, false);
    }

    /** The same settings, recording when each task ran into {@code timeline}. */
    public FetcherSettings withTimeline(FetchTimeline timeline) {
        return new FetcherSettings(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive,
                detail, obeyPageDirectives, timeline, liveSlots, sitemapLimits, linkSources, acting);
    }

    /** The same settings, publishing what each slot is doing for a live page ({@link LiveSlots}). */
    public FetcherSettings withLiveSlots() {
        return new FetcherSettings(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive,
                detail, obeyPageDirectives, timeline, true, sitemapLimits, linkSources, acting);
    }

    /** The same settings, reading sitemaps within {@code bounds}. */
    public FetcherSettings withSitemapLimits(SitemapLimits bounds) {
        return new FetcherSettings(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive,
                detail, obeyPageDirectives, timeline, liveSlots, bounds, linkSources, acting);
    }

    /** The same settings, taking a page's links from {@code sources}. */
    public FetcherSettings withLinkSources(LinkSources sources) {
        return new FetcherSettings(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive,
                detail, obeyPageDirectives, timeline, liveSlots, sitemapLimits, sources, acting);
    }

    /**
     * The same settings, starting no leased task once {@code acting} says no: the fetcher of a cluster node's part,
     * which stops when the node may have lost the part ({@code PauseFence}).
     */
    public FetcherSettings withActing(BooleanSupplier acting) {
        return new FetcherSettings(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, archive,
                detail, obeyPageDirectives, timeline, liveSlots, sitemapLimits, linkSources, acting);
    }

    /** What the calling verticle's slots tell as they take and let go of tasks: the timeline, the live strip. */
    SlotWatch slotWatch(io.vertx.core.Vertx vertx) {
        return SlotWatch.both(timeline == FetchTimeline.OFF ? SlotWatch.OFF : timeline,
                liveSlots ? LiveSlots.start(vertx, this) : SlotWatch.OFF);
    }

    public FetcherSettings {
        Mode.CONCURRENCY_RANGE.check("concurrency", concurrency);
        sitemapLimits = sitemapLimits == null ? SitemapLimits.DEFAULTS : sitemapLimits;
        linkSources = linkSources == null ? LinkSources.DEFAULT : linkSources;
        acting = acting == null ? ALWAYS : acting;
    }

    PageProcessor processor(Mode mode) {
        return new PageProcessor(normalizer, respectNofollow, mode, detail, obeyPageDirectives, sitemapLimits,
                linkSources);
    }
}
