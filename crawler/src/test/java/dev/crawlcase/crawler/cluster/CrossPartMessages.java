package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.impl.clustered.ClusteredMessage;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, as an outbound interceptor on a node's event bus, the messages of a sharded crawl that cross between its
 * parts' nodes when each part runs on its own node: hand-off batches, board publishes (one copy per other node),
 * record files to the writing node; plus one reply per request among those (added by {@link #byKind}). Left out:
 * the addresses of one part ({@code crawlcase.<crawl>.p<N>...}: a node's own leases and progress) and replies
 * (most answer a node's own lease exchanges). Bytes are the clustered wire frame, on a cluster only.
 */
final class CrossPartMessages implements Handler<DeliveryContext<Object>> {
    private final String prefix;
    private final String board;
    private final int otherNodes;
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** @param nodes how many nodes hear a board publish (the sender and the others) */
    CrossPartMessages(CrawlAddresses crawl, int nodes) {
        this.prefix = "crawlcase." + crawl.crawlId() + ".";
        this.board = crawl.board();
        this.otherNodes = nodes - 1;
    }

    @Override
    public void handle(DeliveryContext<Object> context) {
        String address = context.message().address();
        if (!address.startsWith(prefix + "p") && !address.startsWith("__vertx.reply")) {
            int copies = address.equals(board) ? otherNodes : 1;
            messages.addAndGet(copies);
            String kind = address.replaceAll("\\.[0-9]+$", "").replace(prefix, "");
            byKind.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(copies);
            if (context.message() instanceof ClusteredMessage<?, ?> m) {
                bytes.addAndGet((long) copies * m.encodeToWire().length());
            }
        }
        context.next();
    }

    /** Requests that cross get one reply each: hand-off batches (the reply is the acknowledgement), record files. */
    private long replies() {
        return byKind.getOrDefault("offers", new AtomicLong()).get()
                + byKind.getOrDefault("records", new AtomicLong()).get();
    }

    /** Every message that crosses, replies included. */
    long messages() {
        return messages.get() + replies();
    }

    long bytes() {
        return bytes.get();
    }

    /** The messages by kind of address (board, offers, records...), and the replies to offers and records. */
    Map<String, Long> byKind() {
        Map<String, Long> out = new TreeMap<>();
        byKind.forEach((k, v) -> out.put(k, v.get()));
        out.put("replies to offers and records", replies());
        return out;
    }
}
