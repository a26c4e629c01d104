package dev.crawlcase.crawler.mode;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** What every bad-input crawl test needs: a crawler Vert.x, the purpose-built bad servers, a folder for output. */
abstract class BadInputCrawlTest {
    @TempDir
    Path dir;
    Vertx vertx;
    BadInputSites sites;

    @BeforeEach
    void startVertxAndSites() {
        vertx = Vertx.builder().build();
        sites = new BadInputSites();
    }

    @AfterEach
    void stopVertxAndSites() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        sites.close();
    }
}
