package dev.crawlcase.crawler.cli;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A crawl stopped by a signal still prints its table and the resume hint, and its summary says it was stopped. */
@Tag(Tags.NEWEST_JDK)
class StoppedCrawlTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aStoppedCrawlPrintsTheTableTheResumeHintAndMarksTheSummary() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        // never answers: the crawl is certain to be mid-flight when the signal comes
        HttpServer server = await(kit.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(req -> requests.incrementAndGet())
                .listen(0));
        Path state = dir.resolve("state");
        CrawlerProcess crawler = kit.start(dir, "stopped", List.of("run", "--quiet", "--state", state.toString(),
                "--out", dir.resolve("r.jsonl").toString(), "--summary", dir.resolve("s.json").toString(),
                "http://127.0.0.1:" + server.actualPort() + "/"));
        CrawlerProcess.awaitCondition(CrawlcaseExtension.BOUND_S, "a request in flight", () -> requests.get() > 0);
        crawler.terminate();
        crawler.exitCode(CrawlcaseExtension.BOUND_S);
        assertThat(crawler.output()).contains("mode", "failed", "skipped", "resume with: run --state " + state
                + " --resume");
        assertThat(new JsonObject(Files.readString(dir.resolve("s.json"))).getBoolean("stopped")).isTrue();
    }
}
