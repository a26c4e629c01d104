package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.bus.CrawlProgress;
import dev.crawlcase.crawler.bus.Exchange;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.FetchTask;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The frontier role's view of the fetchers that work for it, for its user: a line when a fetcher joins, a line when
 * the frontier has work and no fetcher has joined (its progress line would only stand still), and at the end the
 * page requests each fetcher made (attempts, retries included; what became of each URL is in the records). A fetcher names itself in every lease request ({@link Exchange#fetcherId}: its mode,
 * concurrency and process); the tally reads those requests as they are delivered, through an event-bus
 * interceptor, so the frontier itself is not touched. Its methods run on event loops and the main thread: they
 * are synchronized.
 */
final class FetcherTally {
    private final CrawlAddresses addresses;
    private final PrintWriter out;
    /** Page requests per fetcher (robots.txt not counted), in the order the fetchers joined. */
    private final Map<String, Long> requests = new LinkedHashMap<>();
    private boolean waitingSaid;

    FetcherTally(CrawlAddresses addresses, PrintWriter out) {
        this.addresses = addresses;
        this.out = out;
    }

    /** How a cluster fetcher names itself: what the frontier's user needs to tell the fetchers apart. */
    static String fetcherId(String mode, int concurrency, long pid) {
        return mode + " at " + concurrency + " (pid " + pid + ")";
    }

    /** Starts watching the lease requests and the progress of this crawl on {@code vertx}; returns it. */
    Vertx watch(Vertx vertx) {
        vertx.eventBus().addInboundInterceptor(this::delivered);
        vertx.eventBus().<JsonObject>consumer(addresses.progress(), m -> progress(CrawlProgress.fromJson(m.body())));
        return vertx;
    }

    private void delivered(DeliveryContext<Object> delivery) {
        if (delivery.message().address().equals(addresses.lease()) && delivery.message().body() instanceof Exchange exchange) {
            long pages = exchange.outcomes().stream().filter(o -> o.task().kind() == FetchTask.Kind.PAGE).count();
            reported(exchange.fetcherId(), pages);
        }
        delivery.next();
    }

    private synchronized void reported(String fetcher, long pages) {
        Long before = requests.put(fetcher, requests.getOrDefault(fetcher, 0L) + pages);
        if (before == null) {
            out.println("frontier: fetcher " + fetcher + " joined");
            out.flush();
        }
    }

    private synchronized void progress(CrawlProgress progress) {
        if (requests.isEmpty() && progress.queued() > 0 && !waitingSaid) {
            waitingSaid = true;
            out.println("frontier: waiting for fetchers: none has joined crawl '" + addresses.crawlId()
                    + "' yet; start one with: crawler cluster --role fetcher --crawl-id " + addresses.crawlId());
            out.flush();
        }
    }

    /** The fetchers that did the work, one line; nothing when none joined. */
    synchronized void print() {
        if (requests.isEmpty()) {
            return;
        }
        out.println("fetched by: " + requests.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + (e.getValue() == 1 ? " page request" : " page requests"))
                .collect(Collectors.joining(", ")));
        out.flush();
    }
}
