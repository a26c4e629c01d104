package dev.crawlcase.crawler.run;

import io.vertx.core.Future;
import io.vertx.core.shareddata.Lock;

import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What {@link PartBalance} may do with the parts a {@link ShardedRun} runs: count them, pick one to give, and hand it
 * over. A part handed over stops leasing, its fetches in flight end ({@link CrawlRunner#UNTIL_DRAINED}: none is
 * abandoned), its state is committed and closed, and only then its lock is released for another node to take it
 * over (the part's {@link PartBook} entry says it was handed over, not lost). Works on the run's own maps, under the
 * run's monitor ({@code guard}).
 */
final class PartHandOver implements PartBalance.Node {
    private final Object guard;
    private final Map<Integer, CrawlRunner> runners;
    private final Map<Integer, Future<Void>> ended;
    private final Map<Integer, Lock> locks;
    private final PartBook book;
    /** Parts being handed over, and parts handed over (ended here, running elsewhere). */
    private final Set<Integer> handing = new HashSet<>();
    private final Set<Integer> handed = new HashSet<>();

    /**
     * @param runners the run's part runners, {@code ended} each part's end here (its state closed), {@code locks}
     *                the locks the run holds: all guarded by {@code guard}; {@code book} is told of each part
     *                handed over, so its taker words its line as a hand-over, not a loss
     */
    PartHandOver(Object guard, Map<Integer, CrawlRunner> runners, Map<Integer, Future<Void>> ended,
                 Map<Integer, Lock> locks, PartBook book) {
        this.book = book;
        this.guard = guard;
        this.runners = runners;
        this.ended = ended;
        this.locks = locks;
    }

    /** Whether {@code part} is being handed over (it ends here without being sealed or merged). */
    boolean handing(int part) {
        synchronized (guard) {
            return handing.contains(part);
        }
    }

    /** Whether {@code part} was handed over from here (and may be taken over by this node again). */
    boolean handed(int part) {
        synchronized (guard) {
            return handed.contains(part);
        }
    }

    /** This node took {@code part} (back) over. */
    void taken(int part) {
        synchronized (guard) {
            handed.remove(part);
        }
    }

    @Override
    public int held() {
        synchronized (guard) {
            return locks.size() - handing.size();
        }
    }

    @Override
    public OptionalInt givable() {
        synchronized (guard) {
            return locks.keySet().stream().filter(p -> runners.containsKey(p) && !handing.contains(p)
                    && !ended.get(p).isComplete()).mapToInt(Integer::intValue).max();
        }
    }

    @Override
    public Future<Void> handOver(int part) {
        CrawlRunner runner;
        Future<Void> done;
        synchronized (guard) {
            handing.add(part);
            runner = runners.get(part);
            done = ended.get(part);
        }
        return runner.stop(CrawlRunner.UNTIL_DRAINED).transform(ar -> done)
                .compose(v -> book.handedOver(part).transform(said -> {
                    synchronized (guard) {
                        handing.remove(part);
                        handed.add(part);
                        locks.remove(part).release();
                    }
                    // the part is handed over either way: the book's word only words its taker's line
                    return said.succeeded() ? Future.<Void>succeededFuture()
                            : Future.<Void>failedFuture(new IllegalStateException("handed over, but the cluster's"
                            + " book of parts did not take the word (its taker will say it lost its node): "
                            + said.cause().getMessage(), said.cause()));
                }));
    }
}
