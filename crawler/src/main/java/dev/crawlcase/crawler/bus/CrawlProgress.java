package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.frontier.FrontierStats;
import io.vertx.core.json.JsonObject;

/**
 * What the frontier publishes on {@code CrawlAddresses.progress()} about once a second, typed for its readers (the
 * progress line, the memory probe) and as JSON on the bus.
 *
 * @param queued   URLs waiting to be leased (including ones awaiting a retry or robots.txt)
 * @param inFlight leased tasks
 * @param fetched  records so far by outcome: fetched, failed, skipped, redirected
 * @param retries  retries scheduled
 * @param peakInFlight the most leased tasks at once so far
 */
public record CrawlProgress(long queued, int inFlight, long fetched, long failed, long skipped, long redirected,
                            long retries, int peakInFlight) {

    /** Nothing done yet, nothing in flight. */
    public static final CrawlProgress NONE = new CrawlProgress(0, 0, 0, 0, 0, 0, 0, 0);

    static CrawlProgress of(FrontierStats s) {
        return new CrawlProgress(s.queued(), s.inFlight(), s.fetched(), s.failed(), s.skipped(), s.redirected(),
                s.retries(), s.peakInFlight());
    }

    /** Records written so far, whatever their outcome. */
    public long done() {
        return fetched + failed + skipped + redirected;
    }

    public JsonObject toJson() {
        return new JsonObject().put("queued", queued).put("inFlight", inFlight).put("fetched", fetched)
                .put("failed", failed).put("skipped", skipped).put("redirected", redirected).put("retries", retries)
                .put("peakInFlight", peakInFlight);
    }

    public static CrawlProgress fromJson(JsonObject json) {
        return new CrawlProgress(json.getLong("queued", 0L), json.getInteger("inFlight", 0),
                json.getLong("fetched", 0L), json.getLong("failed", 0L), json.getLong("skipped", 0L),
                json.getLong("redirected", 0L), json.getLong("retries", 0L), json.getInteger("peakInFlight", 0));
    }
}
