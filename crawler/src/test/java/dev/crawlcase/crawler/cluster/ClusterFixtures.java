package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.Config;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What the cluster tests share: the bundled loopback Hazelcast config under a cluster name of its own (so test
 * runs side by side never join each other), and a crawl config with short timeouts and short leases, so a lease
 * lost with a killed fetcher comes back within a couple of seconds.
 */
final class ClusterFixtures {
    static final String SHORT_LEASES = "\"fetch\":{\"connectTimeoutMs\":1000,\"firstByteTimeoutMs\":1000,"
            + "\"totalTimeoutMs\":1500},\"leaseTimeoutMs\":2500,"
            + "\"retry\":{\"maxRetries\":3,\"baseDelayMs\":5,\"maxDelayMs\":50,\"maxRetryAfterMs\":50}";

    private ClusterFixtures() {
    }

    static String uniqueClusterName() {
        return "crawlcase-test-" + UUID.randomUUID();
    }

    static Config hazelcast(String clusterName) {
        return HazelcastConfig.load(null).setClusterName(clusterName);
    }

    /** The bundled cluster.xml with another cluster name, written to {@code dir}. */
    static Path clusterXml(Path dir, String clusterName) {
        try (InputStream in = ClusterFixtures.class.getClassLoader().getResourceAsStream("config/cluster.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("<cluster-name>crawlcase</cluster-name>", "<cluster-name>" + clusterName + "</cluster-name>");
            return Files.writeString(dir.resolve("cluster.xml"), xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String crawlJson(String mode, int concurrency, Path dir) {
        return "{\"mode\":\"" + mode + "\",\"concurrency\":" + concurrency + "," + SHORT_LEASES + ","
                + "\"output\":{\"records\":\"" + dir.resolve("records.jsonl") + "\",\"summary\":\""
                + dir.resolve("summary.json") + "\"}}";
    }

    static CrawlConfig crawlConfig(String mode, int concurrency, Path dir, List<String> seeds) {
        return CrawlConfigLoader.parse(crawlJson(mode, concurrency, dir), "test", dir).withSeeds(seeds);
    }
}
