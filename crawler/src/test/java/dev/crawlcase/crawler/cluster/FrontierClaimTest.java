package dev.crawlcase.crawler.cluster;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.json.ConfigException;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A crawl id has one frontier in a cluster: a second is refused while the first is a member, and not after. */
@Tag(Tags.NEWEST_JDK)
class FrontierClaimTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void aSecondFrontierOfTheSameCrawlIsRefusedUntilTheFirstLeaves() {
        String cluster = ClusterFixtures.uniqueClusterName();
        Vertx first = ClusterFixtures.join(kit, cluster);
        Vertx second = ClusterFixtures.join(kit, cluster);
        CrawlAddresses crawl = new CrawlAddresses("twice");

        await(FrontierClaim.claim(first, crawl));
        assertThatThrownBy(() -> await(FrontierClaim.claim(second, crawl))).hasRootCauseInstanceOf(ConfigException.class)
                .rootCause().hasMessageContaining("crawl 'twice' already has a frontier in this cluster");
        await(FrontierClaim.claim(second, new CrawlAddresses("another")));

        await(first.close());
        await(FrontierClaim.claim(second, crawl));
    }

    @Test
    void theCommandRefusesASecondFrontierWithOneLineAndExitCodeTwo() throws Exception {
        String cluster = ClusterFixtures.uniqueClusterName();
        Vertx first = ClusterFixtures.join(kit, cluster);
        await(FrontierClaim.claim(first, new CrawlAddresses("dup")));
        Path crawlJson = ClusterFixtures.shortLeases(Mode.ASYNC, 2, dir).writeTo(dir.resolve("crawl.json"));
        Path xml = ClusterFixtures.clusterXml(dir, cluster);

        CliRun run = CliRun.of("cluster", "--role", "frontier", "--crawl-id", "dup", "--config", crawlJson.toString(),
                "--cluster-config", xml.toString(), "http://127.0.0.1:1/");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("crawler: --crawl-id: crawl 'dup' already has a frontier in this "
                + "cluster (stop it, or choose another id)");
        assertThat(run.out()).doesNotContain("serving");
        assertThat(dir.resolve("records.jsonl")).doesNotExist();
    }
}
