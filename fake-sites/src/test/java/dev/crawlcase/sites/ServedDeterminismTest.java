package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A world restarted on the same ports with the same seed serves byte-identical responses. */
@ExtendWith(VertxExtension.class)
class ServedDeterminismTest {

    @Test
    void restartOnTheSamePortsServesTheSameBytes(Vertx vertx) {
        WorldConfig config = TestWorlds.threeSites(21);
        FakeWorld first = TestWorlds.start(vertx, config);
        List<String> urls = first.groundTruth(CrawlRules.defaults()).requests().keySet().stream().limit(40).toList();
        Map<String, String> before = TestWorlds.fetchAll(urls);
        Map<String, String> ports = first.baseUrls();
        TestWorlds.await(first.close());

        WorldConfig samePorts = TestWorlds.onPorts(config, ports);
        FakeWorld second = TestWorlds.start(vertx, samePorts);
        assertThat(second.baseUrls()).isEqualTo(ports);
        assertThat(TestWorlds.fetchAll(urls)).isEqualTo(before);
        TestWorlds.await(second.close());
    }
}
