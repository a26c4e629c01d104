package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.Lease;

import dev.crawlcase.crawler.task.FetchOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * A fetcher's view of the frontier: ask for work, report what came of it. Plain request/reply over the event
 * bus, so a fetcher works the same in the frontier's JVM or on another node of a cluster.
 */
public final class FrontierClient {
    /** Longer than the frontier's longest park of a lease request. */
    private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(60_000);

    private final EventBus bus;
    private final CrawlAddresses addresses;
    private final String fetcherId;

    public FrontierClient(Vertx vertx, CrawlAddresses addresses, String fetcherId) {
        this.bus = vertx.eventBus();
        this.addresses = addresses;
        this.fetcherId = fetcherId;
    }

    /** Up to {@code max} tasks; the frontier holds the request until it has work or the crawl ends. */
    public Future<Lease> lease(int max) {
        JsonObject request = new JsonObject().put("fetcher", fetcherId).put("max", max);
        return bus.<JsonObject>request(addresses.lease(), request, OPTIONS).map(reply -> {
            JsonObject body = reply.body();
            return new Lease(TaskCodec.tasks(body.getJsonArray("tasks")), body.getBoolean("finished"));
        });
    }

    public Future<Void> report(FetchOutcome outcome) {
        return bus.request(addresses.result(), TaskCodec.outcome(outcome), OPTIONS).mapEmpty();
    }
}
