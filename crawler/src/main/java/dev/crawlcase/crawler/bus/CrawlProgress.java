package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.frontier.Frontier;
import dev.crawlcase.crawler.frontier.FrontierStats;
import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.HostLoad;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the frontier publishes on {@code CrawlAddresses.progress()} about once a second, typed for its readers (the
 * progress line, the memory probe) and as JSON on the bus.
 *
 * @param queued   URLs waiting to be leased (including ones awaiting a retry or robots.txt)
 * @param inFlight leased tasks
 * @param fetched  records so far by outcome: fetched, failed, skipped, redirected
 * @param retries  retries scheduled
 * @param peakInFlight the most leased tasks at once so far
 * @param hosts    a bounded view of the hosts while a live view watches ({@link Frontier#hostLoads}), else empty
 */
public record CrawlProgress(long queued, int inFlight, long fetched, long failed, long skipped, long redirected,
                            long retries, int peakInFlight, List<HostLoad> hosts) {

    /** Nothing done yet, nothing in flight. */
    public static final CrawlProgress NONE = new CrawlProgress(0, 0, 0, 0, 0, 0, 0, 0, List.of());

    public CrawlProgress {
        hosts = List.copyOf(hosts);
    }

    static CrawlProgress of(FrontierStats s, List<HostLoad> hosts) {
        return new CrawlProgress(s.queued(), s.inFlight(), s.fetched(), s.failed(), s.skipped(), s.redirected(),
                s.retries(), s.peakInFlight(), hosts);
    }

    /** This progress with nothing queued or in flight and no host view: what remains once a crawl ended. */
    public CrawlProgress ended() {
        return new CrawlProgress(0, 0, 0, 0, 0, 0, retries, peakInFlight, List.of());
    }

    /** Records written so far, whatever their outcome. */
    public long done() {
        return fetched + failed + skipped + redirected;
    }

    public JsonObject toJson() {
        return new JsonObject().put("queued", queued).put("inFlight", inFlight).put("fetched", fetched)
                .put("failed", failed).put("skipped", skipped).put("redirected", redirected).put("retries", retries)
                .put("peakInFlight", peakInFlight).put("hosts", hostsJson(hosts));
    }

    private static JsonArray hostsJson(List<HostLoad> hosts) {
        JsonArray rows = new JsonArray();
        for (HostLoad h : hosts) {
            JsonObject row = new JsonObject().put("host", h.host()).put("queued", h.queued())
                    .put("inFlight", h.inFlight()).put("delayMs", h.delayMs()).put("lastStatus", h.lastStatus())
                    .put("backoffMs", h.backoffMs());
            if (h.lastError() != null) {
                row.put("lastError", h.lastError().label());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<HostLoad> hosts(JsonArray rows) {
        if (rows == null) {
            return List.of();
        }
        List<HostLoad> hosts = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            String error = row.getString("lastError");
            hosts.add(new HostLoad(row.getString("host"), row.getLong("queued", 0L), row.getInteger("inFlight", 0),
                    row.getLong("delayMs", 0L), row.getInteger("lastStatus", 0),
                    error == null ? null : ErrorKind.valueOf(error.toUpperCase(Locale.ROOT)),
                    row.getLong("backoffMs", 0L)));
        }
        return hosts;
    }

    public static CrawlProgress fromJson(JsonObject json) {
        return new CrawlProgress(json.getLong("queued", 0L), json.getInteger("inFlight", 0),
                json.getLong("fetched", 0L), json.getLong("failed", 0L), json.getLong("skipped", 0L),
                json.getLong("redirected", 0L), json.getLong("retries", 0L), json.getInteger("peakInFlight", 0),
                hosts(json.getJsonArray("hosts")));
    }
}
