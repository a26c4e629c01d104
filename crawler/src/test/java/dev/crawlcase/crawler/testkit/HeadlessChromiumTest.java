package dev.crawlcase.crawler.testkit;

import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The browser kit itself: a page whose text only its script writes is seen with that text, and as a picture. */
@Tag(Tags.NEWEST_JDK)
class HeadlessChromiumTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void seesWhatThePageScriptWrote(@TempDir Path dir) throws Exception {
        HttpServer server = await(kit.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(req -> req.response().putHeader("content-type", "text/html")
                        .end("<!doctype html><p id=x>static</p><script>setTimeout(function () {"
                                + " document.getElementById('x').textContent = 'written by ' + 'script'; }, 500);"
                                + "</script>"))
                .listen(0));
        String url = "http://127.0.0.1:" + server.actualPort() + "/";
        HeadlessChromium browser = HeadlessChromium.find(dir);

        assertThat(browser.dom(url, 2_000)).contains("written by script").doesNotContain(">static<");
        Path png = browser.screenshot(url, dir.resolve("page.png"), 400, 300, 1_000);
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 0x50, (byte) 0x4E, (byte) 0x47);
    }
}
