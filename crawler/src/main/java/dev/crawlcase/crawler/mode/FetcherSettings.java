package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.parse.LinkNormalizer;
import dev.crawlcase.crawler.parse.PageProcessor;

/**
 * What every fetch verticle needs, whatever its mode: where the frontier is, how many fetches to keep in
 * flight, the fetch limits, and how to parse. The link normaliser is the crawl's
 * {@code UrlNormalizer::normalize}; a test may pass one that fails, to prove a worker outlives a failed task. The
 * timeline records when each task ran, for a comparison's report ({@link FetchTimeline#OFF} otherwise).
 */
public record FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits,
                              LinkNormalizer normalizer, boolean respectNofollow, String fetcherId,
                              FetchTimeline timeline) {

    public FetcherSettings {
        Mode.CONCURRENCY_RANGE.check("concurrency", concurrency);
    }

    /** Settings that record no timeline. */
    public FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits, LinkNormalizer normalizer,
                           boolean respectNofollow, String fetcherId) {
        this(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, FetchTimeline.OFF);
    }

    /** The same settings, recording when each task ran into {@code timeline}. */
    public FetcherSettings withTimeline(FetchTimeline timeline) {
        return new FetcherSettings(addresses, concurrency, limits, normalizer, respectNofollow, fetcherId, timeline);
    }

    PageProcessor processor(Mode mode) {
        return new PageProcessor(normalizer, respectNofollow, mode);
    }
}
