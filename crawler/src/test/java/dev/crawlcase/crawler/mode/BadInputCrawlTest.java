package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** What every bad-input crawl test needs: a crawler Vert.x, the purpose-built bad servers, a folder for output. */
abstract class BadInputCrawlTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;
    Vertx vertx;
    BadInputSites sites;

    @BeforeEach
    void startVertxAndSites() {
        vertx = kit.vertx();
        sites = new BadInputSites(kit.vertx());
    }
}
