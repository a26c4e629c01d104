package dev.crawlcase.crawler.task;


/**
 * What a fetcher sends back to the frontier for one task: the attempt's result (body kept only for ROBOTS tasks),
 * the parsed page (PAGE tasks with an HTML 2xx response, else {@link ParsedPage#EMPTY}), and the fetcher's mode.
 */
public record FetchOutcome(FetchTask task, FetchResult result, ParsedPage page, Mode mode) {
}
