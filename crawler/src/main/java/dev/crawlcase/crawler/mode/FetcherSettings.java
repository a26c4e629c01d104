package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.url.UrlNormalizer;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.parse.PageProcessor;

/**
 * What every fetch verticle needs, whatever its mode: where the frontier is, how many fetches to keep in
 * flight, the fetch limits, and how to parse.
 */
public record FetcherSettings(CrawlAddresses addresses, int concurrency, FetchLimits limits,
                              UrlNormalizer normalizer, boolean respectNofollow, String fetcherId) {

    public FetcherSettings {
        Mode.CONCURRENCY_RANGE.check("concurrency", concurrency);
    }

    PageProcessor processor(Mode mode) {
        return new PageProcessor(normalizer, respectNofollow, mode);
    }
}
