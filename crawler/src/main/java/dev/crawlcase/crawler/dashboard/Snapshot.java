package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.bus.SlotStrip;
import dev.crawlcase.crawler.output.LatencyBuckets;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.HostLoad;
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
 * @param hosts       the frontier's bounded per-host view, from its latest progress
 * @param strips      each fetch verticle's busy slots, from its latest strip
 * @param atMs        when this snapshot was taken (epoch ms): a busy slot's age is counted to it
 * @param latency     the fetch latencies so far in buckets (for {@code /metrics}; {@code /status} has the summary's
 *                    quantiles)
 * @param ladder      finished crawls, oldest first
 * @param nodes       a cluster's nodes, empty when not a cluster
 */
record Snapshot(String title, String crawl, Board.Phase phase, RunSummary summary, long queued, int inFlight,
                long retries, int liveThreads, long heapBytes, List<HostLoad> hosts, List<SlotStrip> strips,
                long atMs, LatencyBuckets latency, List<Board.Rung> ladder, List<NodeView> nodes) {

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
        json.put("hosts", hostsJson()).put("slots", slotsJson());
        return json.put("ladder", rungs).put("cluster", cluster);
    }

    private JsonArray hostsJson() {
        JsonArray rows = new JsonArray();
        for (HostLoad h : hosts) {
            rows.add(new JsonObject().put("host", h.host()).put("queued", h.queued()).put("inFlight", h.inFlight())
                    .put("delayMs", h.delayMs()).put("lastStatus", h.lastStatus())
                    .put("lastError", h.lastError() == null ? null : h.lastError().label())
                    .put("backoffMs", h.backoffMs()));
        }
        return rows;
    }

    private JsonArray slotsJson() {
        JsonArray fetchers = new JsonArray();
        for (SlotStrip strip : strips) {
            JsonArray busy = new JsonArray();
            strip.shown().forEach(b -> busy.add(new JsonObject().put("slot", b.slot()).put("url", b.url())
                    .put("ageMs", Math.max(0, atMs - b.sinceMs()))));
            fetchers.add(new JsonObject().put("fetcher", strip.fetcher()).put("slots", strip.slots())
                    .put("busy", strip.busy()).put("shown", busy));
        }
        return fetchers;
    }
}
