package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.sites.hostile.Expected;
import dev.crawlcase.sites.hostile.HostileCases;
import dev.crawlcase.sites.hostile.HostileWorld;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mode crawls the fake sites' hostile world (bad framings, robots.txt behind redirects, timeouts and garbage,
 * lookalike links, credentials in links, an over-long link, a huge page, a body that never ends, a redirect loop)
 * in one crawl and writes exactly the records the world says a correct crawler writes.
 */
class HostileWorldTest extends BadInputCrawlTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyModeWritesTheRecordsTheHostileWorldExpects(Mode mode) throws IOException {
        BadInputServersTest.assumeAvailable(mode);
        HostileWorld world = CrawlcaseExtension.await(HostileWorld.start(kit.vertx()));
        TestCrawl crawl = TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 8, dir,
                world.seeds(), c -> c.retries(1, 1, 5)));

        Map<String, String> actual = crawl.records().stream().collect(Collectors.toMap(CrawlRecord::url,
                r -> r.reason() == null ? r.outcome().label() : r.outcome().label() + " " + r.reason(),
                (a, b) -> a + " AND " + b, TreeMap::new));
        Map<String, String> expected = world.expected().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().toString(), (a, b) -> a, TreeMap::new));
        assertThat(actual).isEqualTo(expected);
        assertThat(Files.readString(crawl.report().records())).doesNotContain(HostileCases.SECRET);
        assertThat(world.requests("userinfo-links", "/inner")).isEqualTo(1);
        assertThat(world.requests("lookalike-links", "/a")).isEqualTo(1);
        assertThat(world.requests("robots-behind-redirect", "/private")).isZero();
        assertThat(world.requests("huge-page", "/h/0")).isZero();
        assertThat(world.requests("robots-garbage", "/")).isZero();
        assertThat(world.expected().values()).extracting(Expected::outcome).contains("fetched", "failed", "skipped");
    }
}
