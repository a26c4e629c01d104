package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.bus.CrawlProgress;
import dev.crawlcase.crawler.bus.SlotStrip;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running dashboard: where it listens, and what it is told to watch. The crawl is followed from its feed and the
 * frontier's progress events; when it ends, its summary is shown as it is (so {@code /status} then says exactly
 * what summary.json says) and joins the ladder.
 */
public final class Dashboard {
    /** Hosts of each kind (longest queue, most in flight, soonest retry) the per-host table shows unless told. */
    public static final int DEFAULT_HOSTS = 50;
    /** The most a command line may ask for: beyond it the table is no longer read at a glance. */
    public static final int MAX_HOSTS = 1_000;

    private final Vertx vertx;
    private final String deploymentId;
    private final int port;
    private final Board board;
    private final int hostsShown;
    /** The followed crawl's subscriptions (progress and slots of each followed frontier), by progress address. */
    private final Map<String, List<MessageConsumer<JsonObject>>> following = new LinkedHashMap<>();

    private Dashboard(Vertx vertx, String deploymentId, int port, Board board, int hostsShown) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.port = port;
        this.board = board;
        this.hostsShown = hostsShown;
    }

    /**
     * Listens on 127.0.0.1 at {@code port} (0: a free one); fails, without listening, when the port is taken.
     *
     * @param title    what is watched: "run", "compare" or "cluster"
     * @param registry where Vert.x's own meters are (the crawl's are added to it)
     */
    public static Future<Dashboard> start(Vertx vertx, int port, String title, PrometheusMeterRegistry registry) {
        return start(vertx, port, title, registry, DEFAULT_HOSTS);
    }

    /**
     * Like {@link #start(Vertx, int, String, PrometheusMeterRegistry)}, showing {@code hostsShown} hosts of each kind
     * (1 to {@value #MAX_HOSTS}); the per-host series in {@code /metrics} are the table's rows.
     */
    public static Future<Dashboard> start(Vertx vertx, int port, String title, PrometheusMeterRegistry registry,
                                          int hostsShown) {
        if (hostsShown < 1 || hostsShown > MAX_HOSTS) {
            throw new IllegalArgumentException("hostsShown must be 1.." + MAX_HOSTS + ", got " + hostsShown);
        }
        Board board = new Board(title);
        DashboardServer server = new DashboardServer(board, registry, port);
        return vertx.deployVerticle(server).map(id -> new Dashboard(vertx, id, server.actualPort(), board,
                hostsShown));
    }

    /** How many hosts of each kind a watched crawl's frontier should put in its progress events. */
    public int hostsShown() {
        return hostsShown;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /**
     * Watches a crawl from now on (the one before it, if any, stays on the ladder).
     *
     * @param bus       the event bus the crawl's frontier publishes its progress on
     * @param addresses the crawl's addresses
     * @param label     how the page names it (mode and concurrency)
     */
    public synchronized Future<Void> follow(EventBus bus, CrawlAddresses addresses, String label, CrawlFeed feed) {
        unfollow();
        board.follow(label, feed);
        return followAlso(bus, addresses);
    }

    /**
     * Follows one more frontier of the followed crawl: a node that runs several parts of a sharded crawl shows the
     * sum of their progress and every part's slots (its feed sums their figures). A frontier followed already is
     * left as it is.
     */
    public synchronized Future<Void> followAlso(EventBus bus, CrawlAddresses addresses) {
        String source = addresses.progress();
        if (following.containsKey(source)) {
            return Future.succeededFuture();
        }
        MessageConsumer<JsonObject> progress = bus.consumer(source,
                m -> board.progress(source, CrawlProgress.fromJson(m.body())));
        MessageConsumer<JsonObject> slots = bus.consumer(addresses.slots(),
                m -> board.slots(SlotStrip.fromJson(m.body())));
        following.put(source, List.of(progress, slots));
        return Future.all(progress.completion(), slots.completion()).mapEmpty();
    }

    private void unfollow() {
        following.values().forEach(consumers -> consumers.forEach(MessageConsumer::unregister));
        following.clear();
    }

    /**
     * The followed crawl ended with {@code summary}; call it while the crawl's Vert.x is still open (its progress
     * subscription is ended here).
     */
    public synchronized void finished(RunSummary summary) {
        board.finished(summary);
        unfollow();
    }

    /** Shows a cluster's nodes, read from {@code nodes} on each sample. */
    public void cluster(ClusterFeed nodes) {
        board.cluster(nodes);
    }

    public Future<Void> close() {
        return vertx.undeploy(deploymentId);
    }
}
