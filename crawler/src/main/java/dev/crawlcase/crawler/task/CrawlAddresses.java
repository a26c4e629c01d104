package dev.crawlcase.crawler.task;

/** The event-bus addresses of one crawl's frontier. Fetchers anywhere in the cluster talk to these. */
public record CrawlAddresses(String crawlId) {
    public static final CrawlAddresses DEFAULT = new CrawlAddresses("main");

    /** One exchange: a fetcher's finished outcomes in, its next tasks out (bus.Exchange, answered by a Lease). */
    public String lease() {
        return "crawlcase." + crawlId + ".lease";
    }

    /** Published about once a second by the frontier: a JSON snapshot of its counters. */
    public String progress() {
        return "crawlcase." + crawlId + ".progress";
    }

    /** Published by each fetch verticle of a watched crawl, at most every half second: what its slots are doing. */
    public String slots() {
        return "crawlcase." + crawlId + ".slots";
    }

    /** The addresses of part {@code part} of a sharded crawl: its own frontier's lease, progress and stop. */
    public CrawlAddresses part(int part) {
        return new CrawlAddresses(crawlId + ".p" + part);
    }

    /** Batches of URLs handed to part {@code part} of a sharded crawl by the others (the reply acknowledges). */
    public String offers(int part) {
        return "crawlcase." + crawlId + ".offers." + part;
    }

    /** Every new version of a sharded crawl's board, published by the part that wrote it. */
    public String board() {
        return "crawlcase." + crawlId + ".board";
    }

    /** The shared-data map that holds a sharded crawl's board. */
    public String boardMap() {
        return "crawlcase." + crawlId + ".board";
    }

    /** The cluster-wide lock a node holds for as long as it runs part {@code part} of a sharded crawl. */
    public String partLock(int part) {
        return "crawlcase." + crawlId + ".part." + part;
    }

    /** Where the node holding part {@code part} of a sharded crawl serves that part's records file, in chunks. */
    public String partFile(int part) {
        return "crawlcase." + crawlId + ".records." + part;
    }

    /** The shared-data map in which the parts of a sharded crawl say they started and sealed, and the crawl merged. */
    public String partsMap() {
        return "crawlcase." + crawlId + ".parts";
    }

    /**
     * The shared-data map that keeps a copy of every part's journal of a sharded crawl in the cluster's memory (each
     * entry with a backup on another member).
     */
    public String journalMap() {
        return "crawlcase.journal." + crawlId;
    }

    /** The shared-data map in which each node running a sharded crawl says how many of its parts it holds. */
    public String nodesMap() {
        return "crawlcase." + crawlId + ".nodes";
    }

    /** Where each watched node of a sharded crawl publishes its row for the other nodes' dashboards. */
    public String roster() {
        return "crawlcase." + crawlId + ".roster";
    }

    /** Ask the frontier to stop leasing, wait up to the given grace (ms) for work in flight, then finish. */
    public String stop() {
        return "crawlcase." + crawlId + ".stop";
    }
}
