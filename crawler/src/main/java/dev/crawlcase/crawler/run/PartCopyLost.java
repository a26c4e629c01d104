package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;

/**
 * A part's journal copy in the cluster misses a batch: more members died at once than the copy has backups, so the
 * part cannot be rebuilt from it.
 */
public final class PartCopyLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PartCopyLost(CrawlAddresses crawl, int part, long batch) {
        super("the cluster's copy of part " + part + " of crawl '" + crawl.crawlId() + "' lost its batch " + batch
                + " (more nodes died at once than it has backups); stop every node and go on with --resume from"
                + " the state folders", null, false, false);
    }
}
