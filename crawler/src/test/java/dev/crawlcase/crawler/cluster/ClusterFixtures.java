package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.Config;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cluster tests share: the bundled loopback Hazelcast config under a cluster name of its own (so test
 * runs side by side never join each other), and a crawl config with short timeouts and short leases, so a lease
 * lost with a killed fetcher comes back within a couple of seconds.
 */
final class ClusterFixtures {
    private ClusterFixtures() {
    }

    static String uniqueClusterName() {
        return "crawlcase-test-" + UUID.randomUUID();
    }

    /** A clustered Vert.x on 127.0.0.1 in this JVM, joined to {@code clusterName}, closed by {@code kit}. */
    static Vertx join(CrawlcaseExtension kit, String clusterName) {
        return kit.adopt(CrawlcaseExtension.await(ClusterVertx.start(hazelcast(clusterName), "127.0.0.1")));
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

    /** Short timeouts, short leases and fast retries; records and summary in {@code dir}. */
    static TestConfig shortLeases(Mode mode, int concurrency, Path dir) {
        return TestConfig.crawl().mode(mode).concurrency(concurrency).timeouts(1_000, 1_000, 1_500)
                .leaseTimeoutMs(2_500).fastRetries().outputIn(dir);
    }

    /**
     * Fake sites for a cluster crawl in this JVM: {@code count} sites named {@code prefix0}, {@code prefix1}...,
     * {@code pages} pages each with 3 links a page, a fixed 5 ms latency.
     */
    static FakeWorld sites(CrawlcaseExtension kit, String prefix, int count, int pages, long seed) {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sites.add(SiteSpec.named(prefix + i).withPages(pages, 3).withLatency(Distribution.fixed(5)));
        }
        return CrawlcaseExtension.await(FakeWorld.start(kit.vertx(), WorldConfig.of(seed,
                sites.toArray(SiteSpec[]::new))));
    }

    /** How many times the sites were asked for each page (robots.txt aside), by their own counters. */
    static Map<String, Integer> pagesRequested(FakeWorld world) {
        return world.counters().requestsPerUrl().entrySet().stream()
                .filter(e -> !e.getKey().endsWith("/robots.txt"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Waits up to {@code boundS} for each process to exit 0; their outputs (all in the message if one does not). */
    static String awaitZeroExits(List<CrawlerProcess> processes, long boundS) throws InterruptedException {
        for (CrawlerProcess p : processes) {
            int code;
            try {
                code = p.exitCode(boundS);
            } catch (AssertionError timedOut) {
                throw new AssertionError(timedOut.getMessage().lines().findFirst().orElse("") + "\n"
                        + outputs(processes), timedOut);
            }
            assertThat(code).as(outputs(processes)).isZero();
        }
        return outputs(processes);
    }

    /** The processes' outputs, one after the other. */
    static String outputs(List<CrawlerProcess> processes) {
        return processes.stream().map(CrawlerProcess::output).collect(Collectors.joining("\n---\n"));
    }
}
