package dev.crawlcase.crawler.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import dev.crawlcase.crawler.task.CrawlAddresses;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Watches the cluster's copies of a crawl's part journals ({@code run.PartJournal}, entries with synchronous
 * backups). After a member left, Hazelcast promotes backups and makes new ones on the members left; until it has,
 * one more death can take the last copy of some entries. So this says when the cluster is safe again (every
 * partition's backups in sync: one more node may die), and remembers when a member loss took every copy of a
 * partition of the journals' map: from then on no part can be rebuilt from them ({@link #whole} says no), and a
 * taker fails in one line instead of rebuilding a part with batches missing.
 */
public final class CopyWatch {
    /** How often the safety of the cluster is asked after a member left. */
    private static final long ASK_MS = 250;

    private final Vertx vertx;
    private final HazelcastInstance hazelcast;
    private final Consumer<String> say;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicBoolean asking = new AtomicBoolean();

    private CopyWatch(Vertx vertx, Consumer<String> say) {
        this.vertx = vertx;
        this.hazelcast = ClusterVertx.hazelcast(vertx);
        this.say = say;
    }

    /** Starts watching the journals' map of {@code crawl} on the member under {@code vertx}. */
    public static CopyWatch start(Vertx vertx, CrawlAddresses crawl, Consumer<String> say) {
        CopyWatch watch = new CopyWatch(vertx, say);
        watch.hazelcast.getMap(crawl.journalMap()).addPartitionLostListener(event -> {
            if (watch.lost.compareAndSet(false, true)) {
                say.accept("the cluster lost every copy of some journal entries (more nodes died at once than the"
                        + " copies have backups): parts can no longer be rebuilt from them");
            }
        });
        watch.hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                watch.askUntilSafe();
            }
        });
        return watch;
    }

    /** Whether no member loss has taken every copy of a partition of the journals' map. */
    public boolean whole() {
        return !lost.get();
    }

    private void askUntilSafe() {
        if (!asking.compareAndSet(false, true)) {
            return;
        }
        vertx.setTimer(ASK_MS, id -> vertx.executeBlocking(() -> hazelcast.getPartitionService().isClusterSafe(),
                false).onComplete(ar -> {
                    asking.set(false);
                    if (ar.succeeded() && ar.result()) {
                        say.accept("the cluster's copies have all their backups again (" + members()
                                + " nodes): one more node may die");
                    } else if (hazelcast.getLifecycleService().isRunning()) {
                        askUntilSafe();
                    }
                }));
    }

    private int members() {
        return hazelcast.getCluster().getMembers().size();
    }
}
