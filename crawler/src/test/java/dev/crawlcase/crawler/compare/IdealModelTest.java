package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.GroundTruth;
import dev.crawlcase.sites.WorldPlan;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IdealModelTest {
    private static final WorldConfig WORLD = WorldConfig.of(5,
            SiteSpec.named("one").withPages(30, 3).withLatency(Distribution.fixed(10)),
            SiteSpec.named("two").withPages(20, 3).withLatency(Distribution.fixed(10)));
    private static final Map<String, String> BASES = new LinkedHashMap<>(Map.of(
            "one", "http://127.0.0.1:1111/", "two", "http://127.0.0.1:2222/"));

    private static IdealModel model() {
        CrawlConfig crawl = TestConfig.crawl().perHostConcurrency(1000).load(null)
                .withSeeds(List.copyOf(BASES.values()));
        return new IdealModel(new WorldPlan(WORLD, BASES), crawl);
    }

    @Test
    void oneAtATimeWithoutFaultsTakesTheSumOfAllLatencies() {
        IdealModel model = model();
        GroundTruth truth = model.groundTruth();
        int requests = truth.requests().size() + 2; // plus two robots.txt
        assertThat(model.requests(truth)).hasSize(requests);
        assertThat(model.idealSeconds(truth, 1)).isCloseTo(requests * 0.010, within(1e-9));
    }

    @Test
    void unlimitedSlotsLeaveTheDeepestChain() {
        IdealModel model = model();
        GroundTruth truth = model.groundTruth();
        int deepest = truth.requests().values().stream().mapToInt(GroundTruth.Request::depth).max().orElseThrow();
        // robots.txt, then one request per level
        assertThat(model.idealSeconds(truth, 10_000)).isCloseTo((deepest + 2) * 0.010, within(1e-9));
    }
}
