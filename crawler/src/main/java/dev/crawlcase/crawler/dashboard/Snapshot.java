package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.RunSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The board at one moment, the one form of {@code /status} and of each event the page receives.
 *
 * @param title       what is watched ("run", "compare", "cluster")
 * @param crawl       the followed crawl's label (mode and concurrency)
 * @param summary     the summary so far (final once finished), or null while waiting
 * @param queued      URLs waiting, from the frontier's latest progress
 * @param inFlight    requests in flight now, from the same
 * @param retries     retries scheduled so far
 * @param liveThreads live platform threads of the crawler now
 * @param heapBytes   heap in use now
 * @param ladder      finished crawls, oldest first
 * @param nodes       a cluster's nodes, empty when not a cluster
 */
record Snapshot(String title, String crawl, Board.Phase phase, RunSummary summary, long queued, int inFlight,
                long retries, int liveThreads, long heapBytes, List<Board.Rung> ladder, List<NodeView> nodes) {

    JsonObject toJson() {
        JsonArray rungs = new JsonArray();
        ladder.forEach(r -> rungs.add(new JsonObject().put("crawl", r.label()).put("summary", r.summary().toJson())));
        JsonArray cluster = new JsonArray();
        nodes.forEach(n -> cluster.add(n.toJson()));
        JsonObject json = new JsonObject().put("title", title).put("crawl", crawl).put("state", phase.label())
                .put("queued", queued).put("inFlight", inFlight).put("retries", retries)
                .put("liveThreads", liveThreads).put("heapBytes", heapBytes);
        if (summary != null) {
            json.put("summary", summary.toJson());
        }
        return json.put("ladder", rungs).put("cluster", cluster);
    }
}
