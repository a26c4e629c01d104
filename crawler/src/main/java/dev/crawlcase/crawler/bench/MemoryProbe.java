package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.bus.CrawlProgress;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures live memory at two moments of a crawl, from the frontier's progress messages (about one a second): a
 * baseline at the first message (nothing queued yet, robots.txt in flight), then the first moment that at least
 * {@code targetInFlight} requests are in flight after a page was fetched. Each sample is the heap in use after a
 * full GC and the resident set size, with the frontier's queued and in-flight counts; the GC runs on a worker
 * thread, never on an event loop. With a world whose responses are slow, the state is static between the two
 * messages, so the differences are the cost of the queued URLs and of the requests in flight.
 */
final class MemoryProbe {
    private final Vertx vertx;
    private final int targetInFlight;
    private final Promise<JsonObject> result = Promise.promise();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private JsonObject baseline;
    private boolean sampling;

    MemoryProbe(Vertx vertx, int targetInFlight) {
        this.vertx = vertx;
        this.targetInFlight = targetInFlight;
    }

    /** Listens on a crawl's progress address; completes with {@code {baseline, loaded}}. */
    Future<JsonObject> watch(String progressAddress) {
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(progressAddress,
                m -> onProgress(CrawlProgress.fromJson(m.body())));
        return result.future().eventually(consumer::unregister);
    }

    private void onProgress(CrawlProgress progress) {
        if (sampling || result.future().isComplete()) {
            return;
        }
        boolean loaded = baseline != null && progress.fetched() >= 1 && progress.inFlight() >= targetInFlight;
        if (baseline != null && !loaded) {
            return;
        }
        sampling = true;
        vertx.executeBlocking(() -> sample(progress)).onComplete(ar -> {
            sampling = false;
            if (ar.failed()) {
                result.tryFail(ar.cause());
            } else if (baseline == null) {
                baseline = ar.result();
            } else {
                result.tryComplete(new JsonObject().put("baseline", baseline).put("loaded", ar.result()));
            }
        });
    }

    private JsonObject sample(CrawlProgress progress) {
        memory.gc();
        memory.gc();
        return new JsonObject().put("queued", progress.queued()).put("inFlight", progress.inFlight())
                .put("heapBytes", memory.getHeapMemoryUsage().getUsed())
                .put("rssBytes", ProcStatus.rssBytes());
    }
}
