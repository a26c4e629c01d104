package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.CrawlAddresses;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import dev.crawlcase.crawler.task.Lease;

import java.util.List;

/**
 * Deployed by a frontier node after its crawl has ended, for a short while before the node leaves: answers every
 * lease request with "finished", so a fetcher whose last request arrived after the frontier closed still learns
 * that the crawl is over instead of waiting for a frontier that will not come back.
 */
public final class FinishedAnswer extends VerticleBase {
    private static final Lease FINISHED = new Lease(List.of(), true);

    private final CrawlAddresses addresses;

    public FinishedAnswer(CrawlAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Future<?> start() {
        BusCodecs.register(vertx);
        // outcomes that come this late have no frontier to take them: their URLs were recorded at the end
        return vertx.eventBus().<Exchange>consumer(addresses.lease(), request -> request.reply(FINISHED)).completion();
    }
}
