package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.Lease;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;

import java.util.List;

/**
 * A fetcher's view of the frontier: one request/reply carries what the fetcher finished and asks for new work.
 * Plain request/reply over the event bus, so a fetcher works the same in the frontier's JVM or on another node of
 * a cluster.
 */
public final class FrontierClient {
    /** Longer than the frontier's longest park of a lease request. */
    private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(60_000);

    private final EventBus bus;
    private final CrawlAddresses addresses;
    private final String fetcherId;

    public FrontierClient(Vertx vertx, CrawlAddresses addresses, String fetcherId) {
        BusCodecs.register(vertx);
        this.bus = vertx.eventBus();
        this.addresses = addresses;
        this.fetcherId = fetcherId;
    }

    /**
     * Hands in {@code outcomes} and asks for up to {@code max} tasks. The frontier takes the outcomes on arrival;
     * with {@code max} > 0 it holds the request until it has work or the crawl ends, with 0 it answers at once.
     */
    public Future<Lease> exchange(List<FetchOutcome> outcomes, int max) {
        return bus.<Lease>request(addresses.lease(), new Exchange(fetcherId, outcomes, max), OPTIONS)
                .map(reply -> reply.body());
    }
}
