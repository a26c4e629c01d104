package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.frontier.Frontier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * What a {@link FrontierVerticle} knows of the crawl beyond its own frontier. Alone ({@link #ALONE}) its frontier
 * is the crawl: it is finished when the frontier is. As one part of a sharded crawl ({@link PartLink}) it trades
 * hand-offs with the other parts and reads the crawl-wide board, and the crawl is finished only when every part
 * is. All calls come from the verticle's own context.
 */
public interface CrawlWide {
    /** Starts listening to the rest of the crawl; {@code changed} runs (on the verticle's context) when it moved. */
    Future<Void> start(Vertx vertx, Runnable changed);

    /** After the frontier changed: sends what is due to the other parts and tells the board where this part is. */
    void pump();

    /** Whether the whole crawl is finished, so this frontier may write its last records and end. */
    boolean finished(Frontier frontier);

    /**
     * Whether this frontier may still lease, hand off and commit: false for good once its node stood still long
     * enough that the cluster may have given its part to another node.
     */
    default boolean acting() {
        return true;
    }

    /** Stops listening; nothing is sent after this. */
    void close();

    CrawlWide ALONE = new CrawlWide() {
        @Override
        public Future<Void> start(Vertx vertx, Runnable changed) {
            return Future.succeededFuture();
        }

        @Override
        public void pump() {
        }

        @Override
        public boolean finished(Frontier frontier) {
            return frontier.isFinished();
        }

        @Override
        public void close() {
        }
    };
}
