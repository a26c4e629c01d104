package dev.crawlcase.crawler.bus;

/**
 * Where a {@link FrontierVerticle} is in its life. Every change of phase is one of the transitions below, and a
 * transition that does not apply leaves the phase as it is, so a second stop, or a stop or failed checkpoint after
 * the end, changes nothing:
 *
 * <pre>
 *   RUNNING --stop--> STOPPING
 *   RUNNING, STOPPING --end--> FINISHED, or SUSPENDED (stopping with a durable state and URLs left)
 *   RUNNING, STOPPING --abort--> ABORTED
 * </pre>
 */
enum FrontierPhase {
    /** Lease requests are served, or parked until there is work. */
    RUNNING,
    /** A stop came: no more leases; results of work in flight are still taken until it drains or the grace ends. */
    STOPPING,
    /** The frontier wrote every record it owed: the crawl finished, or a stop ended it without a durable state. */
    FINISHED,
    /** Stopped with a durable state: the unfinished URLs are left to a resume instead of being recorded. */
    SUSPENDED,
    /** A checkpoint failed: ended at once; what was committed stays for a resume. */
    ABORTED;

    /** A stop request. */
    FrontierPhase stop() {
        return this == RUNNING ? STOPPING : this;
    }

    /**
     * The crawl ends: the frontier has nothing left, or a stop drained it or ran out of grace.
     *
     * @param durable          whether a durable crawl state keeps unfinished URLs for a resume
     * @param frontierFinished whether every discovered URL is done (nothing would be left for a resume)
     */
    FrontierPhase end(boolean durable, boolean frontierFinished) {
        if (ended()) {
            return this;
        }
        return this == STOPPING && durable && !frontierFinished ? SUSPENDED : FINISHED;
    }

    /** A checkpoint of the durable state failed. */
    FrontierPhase abort() {
        return ended() ? this : ABORTED;
    }

    /** Whether lease requests get work (or wait for it) rather than "finished". */
    boolean leasing() {
        return this == RUNNING;
    }

    /** Whether the frontier is closed: results, ticks and checkpoints do nothing any more. */
    boolean ended() {
        return this == FINISHED || this == SUSPENDED || this == ABORTED;
    }

    /** Whether the crawl ended with URLs left for a resume. */
    boolean leftForResume() {
        return this == SUSPENDED || this == ABORTED;
    }
}
