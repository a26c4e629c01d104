package dev.crawlcase.crawler.task;


import java.util.List;

/**
 * The frontier's answer to a lease request: tasks to fetch now, or {@code finished} when the crawl is over
 * (or stopping) and the fetcher should stop asking. An empty, unfinished lease means "ask again".
 */
public record Lease(List<FetchTask> tasks, boolean finished) {
}
