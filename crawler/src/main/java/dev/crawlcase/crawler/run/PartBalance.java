package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Future;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps one node's parts of a sharded crawl at its {@link FairShare} as nodes join and leave: at each look it says
 * how many parts it holds ({@link CrawlNodes}), reads how many the others hold, and, when the rule names it the
 * giver, hands one running part over: the part stops leasing, its fetches in flight end, its state is committed and
 * closed, and only then its lock is released, so the node that takes it over ({@link PartWatch}, as after a node
 * died) never has a request on the wire to a host the giver still fetches from. It gives one part at a time, and
 * tells the watch whether this node may take a free part ({@link FairShare#mayTake}), so a node never takes back the
 * part it just gave.
 */
final class PartBalance {
    /** What the balance needs of the node's run. */
    interface Node {
        /** How many parts this node holds now (those it is handing over not counted). */
        int held();

        /** A part running here that may be handed over, if any. */
        OptionalInt givable();

        /** Stops {@code part} gracefully, commits and closes its state, then releases its lock. */
        Future<Void> handOver(int part);
    }

    private final CrawlNodes nodes;
    private final CrawlAddresses crawl;
    private final int parts;
    private final boolean mayGive;
    private final Node node;
    private final Consumer<String> say;
    /** How many parts each node held at the last look. */
    private volatile Map<String, Integer> holdings = Map.of();
    /** Whether a hand-over of this node's is under way (one at a time). */
    private final AtomicBoolean giving = new AtomicBoolean();

    /**
     * @param mayGive whether this node may hand parts over: only a crawl with a state can move a part (without one,
     *                its URLs live only in the memory of the node that runs it)
     */
    PartBalance(CrawlNodes nodes, CrawlAddresses crawl, int parts, boolean mayGive, Node node, Consumer<String> say) {
        this.nodes = nodes;
        this.crawl = crawl;
        this.parts = parts;
        this.mayGive = mayGive;
        this.node = node;
        this.say = say;
    }

    /** One look: says what this node holds, reads the others, and starts a hand-over if this node must give. */
    Future<Void> look(boolean ending) {
        return nodes.holding(node.held()).compose(v -> nodes.holdings()).map(now -> {
            holdings = Map.copyOf(now);
            if (!ending && mayGive && !giving.get() && FairShare.giver(now, parts).filter(nodes.id()::equals)
                    .isPresent()) {
                node.givable().ifPresent(this::give);
            }
            return null;
        });
    }

    /** Whether this node may take a free part now (by the holdings of its last look, its own as they are now). */
    boolean mayTake() {
        Map<String, Integer> now = new HashMap<>(holdings);
        now.put(nodes.id(), node.held());
        return FairShare.mayTake(nodes.id(), now, parts);
    }

    /** This node leaves the crawl: it holds nothing more. */
    Future<Void> leave() {
        return nodes.leave();
    }

    private void give(int part) {
        if (!giving.compareAndSet(false, true)) {
            return;
        }
        node.handOver(part).compose(v -> nodes.holding(node.held())).onComplete(ar -> {
            giving.set(false);
            say.accept("part " + part + " of crawl '" + crawl.crawlId() + "' " + (ar.succeeded()
                    ? "handed over: a node joined" : ar.cause().getMessage()));
        });
    }
}
