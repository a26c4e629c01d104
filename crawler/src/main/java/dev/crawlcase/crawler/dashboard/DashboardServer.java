package dev.crawlcase.crawler.dashboard;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The dashboard's HTTP endpoint on 127.0.0.1: {@code /} (the page and its files), {@code /status} (the board as
 * JSON), {@code /events} (the same JSON pushed as server-sent events every {@value #SAMPLE_MS} ms) and
 * {@code /metrics} (Prometheus text). The board is sampled on this verticle's timer, once for every open page.
 */
final class DashboardServer extends VerticleBase {
    static final long SAMPLE_MS = 500;

    private final Board board;
    private final PrometheusMeterRegistry registry;
    private final int port;
    /** Open event streams; touched only on this verticle's thread. */
    private final Set<HttpServerResponse> streams = new LinkedHashSet<>();
    private CrawlMeters meters;
    private Assets assets;
    private HttpServer server;

    DashboardServer(Board board, PrometheusMeterRegistry registry, int port) {
        this.board = board;
        this.registry = registry;
        this.port = port;
    }

    /** The port listened on (the one asked for, or the one the kernel chose for 0). */
    int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> start() {
        meters = new CrawlMeters(registry, board);
        registry.getPrometheusRegistry().register(new LatencyHistogram(board));
        return vertx.executeBlocking(Assets::load)
                .compose(loaded -> {
                    assets = loaded;
                    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                            .requestHandler(router()).listen();
                })
                .onSuccess(listening -> {
                    server = listening;
                    vertx.setPeriodic(SAMPLE_MS, id -> tick());
                });
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.get("/").handler(rc -> asset(rc, "index.html"));
        router.get("/assets/:name").handler(rc -> asset(rc, rc.pathParam("name")));
        router.get("/status").handler(rc -> rc.response().putHeader("content-type", "application/json")
                .putHeader("cache-control", "no-store").end(board.snapshot().toJson().encode()));
        router.get("/events").handler(this::stream);
        Handler<RoutingContext> scrape = PrometheusScrapingHandler.create(registry);
        // the crawl's meters read the board as of this scrape, so its host series are the table's rows right now
        router.get("/metrics").handler(rc -> {
            meters.update(board.snapshot());
            scrape.handle(rc);
        });
        return router;
    }

    private void asset(RoutingContext rc, String name) {
        assets.get(name).ifPresentOrElse(
                a -> rc.response().putHeader("content-type", a.contentType()).end(a.body()),
                () -> rc.fail(404));
    }

    private void stream(RoutingContext rc) {
        HttpServerResponse response = rc.response().setChunked(true)
                .putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-store");
        streams.add(response);
        response.closeHandler(v -> streams.remove(response));
        response.write(event(board.snapshot()));
    }

    private void tick() {
        Snapshot snapshot = board.snapshot();
        meters.update(snapshot);
        if (streams.isEmpty()) {
            return;
        }
        String event = event(snapshot);
        for (HttpServerResponse response : streams) {
            // a page that cannot keep up skips samples instead of queueing them
            if (!response.writeQueueFull()) {
                response.write(event);
            }
        }
    }

    private static String event(Snapshot snapshot) {
        return "data: " + snapshot.toJson().encode() + "\n\n";
    }
}
