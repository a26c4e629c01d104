package dev.crawlcase.crawler.cli;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cluster}'s bad input: one line, exit code 2, and no cluster joined. */
@Tag(Tags.NEWEST_JDK)
class ClusterCommandTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    private static CliRun run(int expectedCode, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.err()).isEqualTo(expectedCode);
        return r;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cluster                                        | crawler: Missing required option: '--role=ROLE'",
        "cluster --role boss                            | crawler: Invalid value for option '--role'",
        "cluster --role fetcher --mode turbo            | crawler: --mode: unknown mode 'turbo'",
        "cluster --role fetcher --concurrency 0         | crawler: --concurrency: must be >= 1, got 0",
        "cluster --role frontier --concurrency -1       | crawler: --concurrency: must be >= 0, got -1",
        "cluster --role fetcher --crawl-id a/b          | crawler: --crawl-id: letters, digits",
        "cluster --role fetcher --out x.jsonl           | crawler: --role fetcher: --out, --summary, --fetch and seed",
        "cluster --role fetcher --cluster-config /no.xml | crawler: --cluster-config: no such file: /no.xml",
        "cluster --role frontier ftp://127.0.0.1/       | crawler: seed 'ftp://127.0.0.1/': only http and https",
        "cluster --role node                            | crawler: --nodes: --role node needs --nodes N",
        "cluster --role node --nodes 0                  | crawler: --nodes: must be >= 1, got 0",
        "cluster --role node --nodes 3 --parts 2        | crawler: --parts: must be >= --nodes (3), got 2",
        "cluster --role node --nodes 3 --parts 257      | crawler: --parts: must be <= 256, got 257",
        "cluster --role node --nodes 3 --parts many     | crawler: Invalid value for option '--parts': 'many'",
        "cluster --role node --nodes 3 --quorum 0       | crawler: --quorum: must be >= 1, got 0",
        "cluster --role node --nodes 3 --quorum 65      | crawler: --quorum: must be <= 64, got 65",
        "cluster --role node --nodes 3 --fetch          | crawler: --fetch: every node fetches with --role node",
        "cluster --role node --nodes 3 ftp://127.0.0.1/ | crawler: seed 'ftp://127.0.0.1/': only http and https",
        "cluster --role frontier --dashboard            | crawler: --dashboard: only --role node serves a dashboard",
    })
    void badInputIsOneLineAndExitCodeTwo(String args, String message) {
        String err = run(2, args.trim().split("\\s+")).err();
        assertThat(err).startsWith(message);
        assertThat(err.strip()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aClusterConfigThatIsNotHazelcastXmlIsBadInput() throws Exception {
        Path xml = Files.writeString(dir.resolve("cluster.xml"), "<hazelcast><no-such-element/></hazelcast>");
        String err = run(2, "cluster", "--role", "fetcher", "--cluster-config", xml.toString()).err();
        assertThat(err).startsWith("crawler: --cluster-config: " + xml);
        assertThat(err.strip()).doesNotContain("\n");
    }

    /**
     * Broken copies of config/cluster.xml, given to a real crawler JVM (so Hazelcast's own logging is seen too):
     * whether Hazelcast would refuse them while reading or only while starting the member, the whole output is one
     * line naming the file, and the exit code is 2.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<member>127.0.0.1</member>          | <member>127.0.0.1:5701-5703</member>",
        "<member>127.0.0.1</member>          | <member>127.0.0.1:notaport</member>",
        ">5701</port>                        | >70000</port>",
        "<interface>127.0.0.1</interface>    | <interface>10.255.255.77</interface>",
        "<cluster-name>crawlcase</cluster-name> | <cluster-name></cluster-name>",
        "</hazelcast>                        | ''",
        "<backup-count>1</backup-count>      | <backup-count>-1</backup-count>",
        "</hazelcast>                        | <map name=\"crawlcase.journal.*\"><backup-count>0</backup-count></map></hazelcast>",
    })
    void aBrokenClusterConfigIsOneLineAndExitCodeTwo(String from, String to) throws Exception {
        String good = Files.readString(Path.of("..", "config", "cluster.xml"));
        assertThat(good).contains(from.strip());
        Path xml = Files.writeString(dir.resolve("cluster.xml"), good.replace(from.strip(), to.strip()));
        try (CrawlerProcess node = kit.start(dir, "fetcher",
                List.of("cluster", "--role", "fetcher", "--cluster-config", xml.toString()))) {
            assertThat(node.exitCode(60)).as(node.output()).isEqualTo(2);
            assertThat(node.output()).startsWith("crawler: --cluster-config: " + xml + ": ");
            assertThat(node.output().strip()).doesNotContain("\n");
        }
    }

    @Test
    void helpListsTheClusterCommand() {
        assertThat(run(0, "--help").out()).contains("cluster");
    }
}
