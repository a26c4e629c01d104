package dev.crawlcase.crawler.shard;

/**
 * One shard's share of the crawl's page limit (maxPages), claimed on the board: the board holds every shard's
 * claim ({@link GateSlot#pages}), and the pool left is the limit minus their sum. A claim is a slot written with
 * compare-and-set on the whole board, so two shards can never claim the same pages; a shard leases a page for the
 * first time only within what its last written slot claimed.
 * <ul>
 *   <li>It claims only for pages waiting in its own queues, and in chunks that shrink with the pool (at most
 *       {@code pool / (2 * shards)}, at least 1), so the last pages go to whoever has pages waiting.</li>
 *   <li>It gives back what it cannot spend (more than it has waiting; everything unspent once finished), and
 *       stops spending it before the slot that gives it back goes up.</li>
 *   <li>No claim before every other shard has spoken: after a resume of the whole crawl on a fresh board, each
 *       shard's first slot claims at least what its durable state says it leased already.</li>
 *   <li>A shard taken over by another node adopts the claim its slot on the board holds.</li>
 * </ul>
 * Not thread-safe: its shard's thread calls it.
 */
final class PageClaims {
    /** What a slot says of the budget, and whether the shard is finished once it is written. */
    record Claim(long pages, boolean finished, boolean starved) {
    }

    private final int shard;
    private final long limit;
    private long allowed;
    private boolean adopted;

    /** @param limit the crawl's page limit, 0 for none (then nothing is ever claimed) */
    PageClaims(int shard, long limit) {
        this.shard = shard;
        this.limit = limit;
    }

    boolean limited() {
        return limit > 0;
    }

    /** What this shard may lease as pages in all now: what its last written slot claimed, or less. */
    long allowed() {
        return allowed;
    }

    /**
     * The claim a slot written on {@code view} makes for a shard that leased {@code leased} pages and has
     * {@code waiting} more queued, {@code finished} if it has nothing else to do. With {@code writing}, it goes up
     * now: what it gives back is no longer spent from here on ({@link #allowed} drops at once).
     */
    Claim decide(GateView view, long leased, long waiting, boolean finished, boolean writing) {
        long held = adopted ? allowed : Math.max(allowed, view.slot(shard).pages());
        long keep = Math.max(leased, Math.min(held, leased + waiting));
        long grant = 0;
        if (leased + waiting > keep && view.spokenExcept(shard)) {
            long pool = limit - view.pagesExcept(shard) - keep;
            if (pool > 0) {
                grant = Math.min(leased + waiting - keep, Math.max(1, pool / (2L * view.shards())));
            }
        }
        if (writing) {
            adopted = true;
            allowed = Math.min(allowed, keep);
        }
        boolean done = finished && grant == 0;
        return new Claim(keep + grant, done, done && waiting > 0);
    }

    /** A slot of this shard went up on the board: it may lease what it claimed. */
    void written(GateSlot slot) {
        allowed = slot.pages();
    }
}
