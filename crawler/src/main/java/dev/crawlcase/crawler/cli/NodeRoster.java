package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.dashboard.NodeView;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The cluster table of a watched node's dashboard: every node of the crawl, not only this one. Each node with a
 * dashboard publishes its own row on the crawl's roster address every {@value #PUBLISH_MS} ms and keeps the rows the
 * others published; a row not renewed for {@value #GONE_MS} ms is a node gone. Nodes without a dashboard send
 * nothing, so a crawl nobody watches pays nothing for it.
 */
final class NodeRoster {
    private static final long PUBLISH_MS = 1_000;
    private static final long GONE_MS = 5_000;

    private record Heard(NodeView view, long atMs) {
    }

    private final Vertx vertx;
    private final Map<String, Heard> rows = new ConcurrentHashMap<>();
    private final MessageConsumer<JsonObject> consumer;
    private final long timer;

    private NodeRoster(Vertx vertx, CrawlAddresses crawl, Supplier<NodeView> own) {
        this.vertx = vertx;
        this.consumer = vertx.eventBus().consumer(crawl.roster(), m -> heard(NodeView.fromJson(m.body())));
        this.timer = vertx.setPeriodic(1, PUBLISH_MS, id -> {
            NodeView mine = own.get();
            heard(mine);
            vertx.eventBus().publish(crawl.roster(), mine.toJson());
        });
    }

    /** Starts publishing {@code own} (read once a second) and listening to the other nodes' rows. */
    static NodeRoster start(Vertx vertx, CrawlAddresses crawl, Supplier<NodeView> own) {
        return new NodeRoster(vertx, crawl, own);
    }

    /** Every node heard from lately, by name. Safe from any thread. */
    List<NodeView> nodes() {
        long now = System.currentTimeMillis();
        return rows.values().stream().filter(h -> now - h.atMs() < GONE_MS).map(Heard::view)
                .sorted(Comparator.comparing(NodeView::node)).toList();
    }

    /** Stops publishing and listening; the rows heard so far stay. */
    void close() {
        vertx.cancelTimer(timer);
        consumer.unregister();
    }

    private void heard(NodeView view) {
        rows.put(view.node(), new Heard(view, System.currentTimeMillis()));
    }
}
