package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A site served from several event loops sharing its port answers exactly as one served from one: same ports, same
 * bytes for every URL (each request on a new connection, so they are dealt round the servers), counters shared.
 */
@ExtendWith(VertxExtension.class)
class SharedPortEventLoopsTest {

    @Test
    void threeEventLoopsPerSiteServeTheSameBytesAsOne(Vertx vertx) {
        WorldConfig config = TestWorlds.threeSites(21);
        FakeWorld single = TestWorlds.start(vertx, config);
        assertThat(single.servers()).isEqualTo(3);
        List<String> urls = single.groundTruth(CrawlRules.defaults()).requests().keySet().stream().limit(30).toList();
        Map<String, String> before = TestWorlds.fetchAll(urls);
        Map<String, String> ports = single.baseUrls();
        TestWorlds.await(single.close());

        WorldConfig samePorts = TestWorlds.onPorts(config, ports);
        FakeWorld shared = TestWorlds.await(FakeWorld.start(vertx, samePorts, 3));
        assertThat(shared.servers()).isEqualTo(9);
        assertThat(shared.baseUrls()).isEqualTo(ports);
        assertThat(TestWorlds.fetchAll(urls)).isEqualTo(before);
        assertThat(urls).allSatisfy(url -> assertThat(shared.counters().requests(url)).isEqualTo(1));
        TestWorlds.await(shared.close());
    }

    @Test
    void ephemeralPortsAreSharedToo(Vertx vertx) {
        WorldConfig config = TestWorlds.threeSites(21);
        FakeWorld shared = TestWorlds.await(FakeWorld.start(vertx, config, 2));
        assertThat(shared.servers()).isEqualTo(6);
        assertThat(shared.baseUrls().values()).doesNotHaveDuplicates().allSatisfy(url -> assertThat(url)
                .startsWith("http://127.0.0.1:").doesNotEndWith(":0/"));
        List<String> urls = shared.groundTruth(CrawlRules.defaults()).requests().keySet().stream().limit(10).toList();
        assertThat(TestWorlds.fetchAll(urls)).hasSize(10).allSatisfy((url, body) -> assertThat(body).isNotEmpty());
        TestWorlds.await(shared.close());
    }

    @Test
    void fewerThanOneEventLoopIsRefused(Vertx vertx) {
        assertThatThrownBy(() -> FakeWorld.start(vertx, TestWorlds.threeSites(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
