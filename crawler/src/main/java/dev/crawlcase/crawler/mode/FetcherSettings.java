package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.parse.LinkNormalizer;
import dev.crawlcase.crawler.parse.PageProcessor;

/**
 * What every fetch verticle needs, whatever its mode: where the frontier is, how many fetches to keep in
 * flight, the fetch limits, and how to parse. The link normaliser is the crawl's
 * {@code UrlNormalizer::normalizeLink}; a test may pass one that fails, to prove a worker outlives a failed task.
 */
public record FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits,
                              LinkNormalizer normalizer, boolean respectNofollow, String fetcherId) {

    public FetcherSettings {
        Mode.CONCURRENCY_RANGE.check("concurrency", concurrency);
    }

    PageProcessor processor(Mode mode) {
        return new PageProcessor(normalizer, respectNofollow, mode);
    }
}
