package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where io_uring is missing, {@code --mode io-uring} is refused in one line with exit code 2, before any work. The
 * check is forced in a crawler JVM of its own by Netty's switch that disables every native transport, which is
 * what Netty reports on a kernel or container without io_uring.
 */
class IoUringUnavailableTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void theModeIsRefusedInOneLineWithExitCode2(@TempDir Path dir) throws Exception {
        Path records = dir.resolve("out").resolve("records.jsonl");
        CrawlerProcess crawler = kit.start(dir, "io-uring", List.of("-Dio.netty.transport.noNative=true"),
                List.of("run", "--mode", "io-uring", "--out", records.toString(), "http://127.0.0.1:1/"));

        assertThat(crawler.exitCode(CrawlcaseExtension.BOUND_S)).as(crawler.output()).isEqualTo(2);
        List<String> lines = crawler.output().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("mode 'io-uring' needs Linux io_uring", "noNative");
        assertThat(records).doesNotExist();
        assertThat(records.getParent()).doesNotExist();
    }
}
