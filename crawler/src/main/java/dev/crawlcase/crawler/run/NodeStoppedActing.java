package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.task.CrawlAddresses;

/** A node that may have lost its parts to the other nodes (see {@link ShardedRun#fenced}) ends its run. */
public final class NodeStoppedActing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NodeStoppedActing(CrawlAddresses crawl) {
        super("this node stopped acting on crawl '" + crawl.crawlId() + "' (the line above says why): its parts may"
                + " run on the other nodes now, so it ends here without fetching or writing more", null, false, false);
    }
}
