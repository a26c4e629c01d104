package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.LinkedHashMap;
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
        Map<String, String> before = fetchAll(urls);
        Map<String, String> ports = first.baseUrls();
        TestWorlds.await(first.close());

        WorldConfig samePorts = new WorldConfig(config.seed(), config.sites().stream()
                .map(s -> s.withPort(Integer.parseInt(ports.get(s.name()).replaceAll("\\D+$", "").replaceAll(".*:", ""))))
                .toList());
        FakeWorld second = TestWorlds.start(vertx, samePorts);
        assertThat(second.baseUrls()).isEqualTo(ports);
        assertThat(fetchAll(urls)).isEqualTo(before);
        TestWorlds.await(second.close());
    }

    private static Map<String, String> fetchAll(List<String> urls) {
        Map<String, String> out = new LinkedHashMap<>();
        urls.forEach(u -> out.put(u, RawHttp.get(u, 5000).text()));
        return out;
    }
}
