package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;

/** A part of a sharded crawl whose node is gone, in a crawl without a state to rebuild it from. */
public final class PartLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PartLost(CrawlAddresses crawl, int part) {
        super("part " + part + " of crawl '" + crawl.crawlId() + "' was lost with its node, and without --state"
                + " its URLs are gone; run the crawl again with --state DIR on every node to"
                + " survive a node's death", null, false, false);
    }
}
