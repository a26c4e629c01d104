package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;

/**
 * A part's journal copy in the cluster misses a batch: more members died at once than the copy has backups, so the
 * part cannot be rebuilt from it.
 */
public final class PartCopyLost extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String ADVICE = "stop every node and go on with --state DIR --resume from the nodes'"
            + " folders";

    PartCopyLost(CrawlAddresses crawl, int part, long batch) {
        super("the cluster's copy of part " + part + " of crawl '" + crawl.crawlId() + "' lost its batch " + batch
                + " (more nodes died at once than it has backups); " + ADVICE, null, false, false);
    }

    /** Some entries of the copies are lost (a member loss took every copy of a partition of their map). */
    PartCopyLost(CrawlAddresses crawl, int part) {
        super("part " + part + " of crawl '" + crawl.crawlId() + "' cannot be rebuilt: the cluster lost every copy"
                + " of some journal entries (more nodes died at once than the copies have backups); " + ADVICE, null,
                false, false);
    }
}
