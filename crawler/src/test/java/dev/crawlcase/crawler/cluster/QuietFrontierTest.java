package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A frontier node in its own JVM, crawling one page itself: its output is the crawl's, not the JVM's warnings. */
@Tag(Tags.NEWEST_JDK)
class QuietFrontierTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aClusterNodeChildPrintsNoUnsafeWarning() throws Exception {
        HttpServer site = await(kit.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(req -> req.response().putHeader("content-type", "text/html").end("<p>one page</p>"))
                .listen(0));
        Path clusterXml = ClusterFixtures.clusterXml(dir, ClusterFixtures.uniqueClusterName());
        CrawlerProcess frontier = kit.start(dir, "frontier", List.of("cluster", "--role", "frontier",
                "--cluster-config", clusterXml.toString(), "--crawl-id", "quiet", "--quiet", "--concurrency", "2",
                "--out", dir.resolve("r.jsonl").toString(), "--summary", dir.resolve("s.json").toString(),
                "http://127.0.0.1:" + site.actualPort() + "/"));
        assertThat(frontier.exitCode(CrawlcaseExtension.BOUND_S)).as(frontier.output()).isZero();
        assertThat(frontier.output()).contains("frontier: serving crawl 'quiet'").doesNotContain("sun.misc.Unsafe");
    }
}
