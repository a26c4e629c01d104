package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;

/**
 * A part's journal copy went on without this node: another node took the part over (this one was paused, or cut
 * off from the others), so this node must not write anything more of it.
 */
public final class PartMoved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PartMoved(CrawlAddresses crawl, int part) {
        super("part " + part + " of crawl '" + crawl.crawlId() + "' was taken over by another node while this one"
                + " stood still or was cut off; it stops here without writing more", null, false, false);
    }
}
