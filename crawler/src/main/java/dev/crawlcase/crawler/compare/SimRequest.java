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
 * @param attemptsMs how long each attempt occupies a slot (time to first byte plus body transfer, or a timeout);
 *                   more than one when the server faults first
 * @param delaysMs   the wait before each retry ({@code attemptsMs.size() - 1} entries)
 */
public record SimRequest(String id, String host, int depth, List<String> parents, List<String> requires,
                         List<Double> attemptsMs, List<Double> delaysMs) {

    public SimRequest {
        if (attemptsMs.isEmpty() || delaysMs.size() != attemptsMs.size() - 1) {
            throw new IllegalArgumentException(id + ": needs n attempts and n-1 retry delays");
        }
    }

    /** A request answered on the first attempt. */
    public static SimRequest once(String id, String host, int depth, List<String> parents, List<String> requires,
                                  double durationMs) {
        return new SimRequest(id, host, depth, parents, requires, List.of(durationMs), List.of());
    }

    /** Total slot time plus waits: the request's own contribution to a chain. */
    double totalMs() {
        return attemptsMs.stream().mapToDouble(Double::doubleValue).sum()
                + delaysMs.stream().mapToDouble(Double::doubleValue).sum();
    }
}
