package dev.crawlcase.crawler.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Keeps a node on the minority side of a split from acting on the crawl. Once the cluster has had the crawl's
 * quorum of members (by default a majority of the nodes it started with), a node that sees fewer cannot tell
 * whether the others died or were cut off from it: they may be a majority that goes on and takes its parts over.
 * So it stops for good: {@link #holds} says no from then on (no lease, no hand-off, no commit, no part taken over),
 * and the node ends unless the crawl turns out to be merged already. Before the quorum was first reached (nodes
 * still starting) it holds. A quorum of 1 never trips.
 */
public final class QuorumWatch {
    private final int quorum;
    private final IntSupplier members;
    private final Consumer<String> say;
    private final AtomicBoolean reached = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();

    /** A watch over {@code members} (the cluster's size now); {@code say} hears the line when it trips. */
    QuorumWatch(int quorum, IntSupplier members, Consumer<String> say) {
        if (quorum < 1) {
            throw new IllegalArgumentException("quorum must be >= 1, got " + quorum);
        }
        this.quorum = quorum;
        this.members = members;
        this.say = say;
    }

    /** Watches the members of the cluster under {@code vertx}, asking again whenever one joins or leaves. */
    public static QuorumWatch start(Vertx vertx, int quorum, Consumer<String> say) {
        HazelcastInstance hazelcast = ClusterVertx.hazelcast(vertx);
        QuorumWatch watch = new QuorumWatch(quorum, () -> hazelcast.getCluster().getMembers().size(), say);
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                watch.holds();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                watch.holds();
            }
        });
        watch.holds();
        return watch;
    }

    /** Whether this node may still act: the quorum was never reached yet, or it holds and never failed. */
    public boolean holds() {
        if (lost.get()) {
            return false;
        }
        int now = members.getAsInt();
        if (now >= quorum) {
            reached.set(true);
            return true;
        }
        if (!reached.get()) {
            return true;
        }
        if (lost.compareAndSet(false, true)) {
            say.accept("this node sees " + now + " of the crawl's quorum of " + quorum + " nodes: the others may be"
                    + " cut off from it and go on with its parts, so it fetches, sends and writes nothing more");
        }
        return false;
    }
}
