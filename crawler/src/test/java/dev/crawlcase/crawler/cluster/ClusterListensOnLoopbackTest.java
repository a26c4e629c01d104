package dev.crawlcase.crawler.cluster;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Secure default: a cluster node (Hazelcast and the clustered event bus, with the bundled cluster.xml and the
 * default --cluster-host) listens on 127.0.0.1 only. Read from the kernel's socket table (Linux), so it covers
 * every listener the node opens, whatever library opened it.
 */
@Tag(Tags.NEWEST_JDK)
class ClusterListensOnLoopbackTest {
    private static final String LISTEN = "0A";
    private static final Set<String> LOOPBACK_PREFIXES = Set.of("0100007F:", "0000000000000000FFFF00000100007F:",
            "00000000000000000000000001000000:");

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void aClusterNodeListensOnlyOnLoopback() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc/net/tcp");
        Set<String> before = listeners();
        kit.adopt(CrawlcaseExtension.await(
                ClusterVertx.start(ClusterFixtures.hazelcast(ClusterFixtures.uniqueClusterName()), "127.0.0.1")));
        Set<String> opened = listeners();
        opened.removeAll(before);
        assertThat(opened).as("listeners the node opened").hasSizeGreaterThanOrEqualTo(2)
                .allMatch(l -> LOOPBACK_PREFIXES.stream().anyMatch(l::startsWith));
    }

    /** Local addresses (kernel hex form, "ADDR:PORT") of every listening TCP socket, IPv4 and IPv6. */
    private static Set<String> listeners() throws IOException {
        Set<String> out = new HashSet<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[3].equals(LISTEN)) {
                    out.add(f[1]);
                }
            }
        }
        return out;
    }
}
