package dev.crawlcase.crawler.compare;

import java.util.List;

/**
 * One request of a crawl, as the ideal-time simulation sees it.
 *
 * @param id         unique id (the URL)
 * @param host       politeness key (scheme://host:port)
 * @param depth      hops from a seed; lower depths are preferred when several requests are ready
 * @param parents    ids of the requests whose completion reveals this one (any one suffices); empty for seeds
 * @param requires   ids that must all complete first (a host's robots.txt)
 * @param durationMs time the request occupies a slot: time to first byte plus body transfer
 */
public record SimRequest(String id, String host, int depth, List<String> parents, List<String> requires,
                         double durationMs) {
}
