package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --dashboard [PORT]} on the command line: the port is optional (a seed URL may follow), a taken port is one
 * line and exit 2 before anything is crawled, and the page's address is printed at the start. A bad value is one of
 * {@link CrawlFlagsTest}'s bad flags.
 */
class DashboardFlagTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsBadInputAndNothingIsCrawled() throws Exception {
        FakeWorld sites = await(FakeWorld.start(kit.vertx(), WorldConfig.of(5, SiteSpec.named("s").withPages(10, 2))));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path records = dir.resolve("records.jsonl");
            CliRun r = CliRun.of("run", "--quiet", "--dashboard", String.valueOf(taken.getLocalPort()), "--out",
                    records.toString(), "--summary", dir.resolve("summary.json").toString(), sites.seedUrls().get(0));
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("crawler: --dashboard: cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(r.err().strip()).doesNotContain("\n");
            assertThat(records).doesNotExist();
        }
    }

    @Test
    void withoutAPortASeedMayFollowAndTheAddressIsPrinted() throws Exception {
        FakeWorld sites = await(FakeWorld.start(kit.vertx(), WorldConfig.of(5, SiteSpec.named("s").withPages(10, 2))));
        Path summary = dir.resolve("summary.json");
        CliRun r = CliRun.of("run", "--quiet", "--out", dir.resolve("records.jsonl").toString(), "--summary",
                summary.toString(), "--dashboard", sites.seedUrls().get(0));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("crawler: dashboard at http://127\\.0\\.0\\.1:\\d+/ ");
        assertThat(new JsonObject(Files.readString(summary)).getLong("pages")).as("the seed was crawled").isPositive();
    }
}
