package dev.crawlcase.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawlcase.sites.config.WorldConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same world on other ports meets the same latencies and the same faults at the same paths, so a comparison's
 * ideal time (and the README's figures) come out the same on every machine, whatever ports the run got.
 */
class PortIndependentPlanTest {

    @Test
    void latencyAndFaultsDependOnSiteAndPathNotOnThePort() {
        WorldConfig config = TestWorlds.threeFlakySites(33);
        WorldPlan here = new WorldPlan(config, baseUrls(config, 18_000));
        WorldPlan there = new WorldPlan(config, baseUrls(config, 43_000));
        Map<String, String> hereBases = baseUrls(config, 18_000);
        Map<String, String> thereBases = baseUrls(config, 43_000);
        int faulty = 0;
        for (String url : here.groundTruth(CrawlRules.defaults()).requests().keySet()) {
            String site = siteOf(url, hereBases);
            String moved = thereBases.get(site) + url.substring(hereBases.get(site).length());
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(there.latencyMs(site, moved, attempt)).as(url).isEqualTo(here.latencyMs(site, url, attempt));
                assertThat(there.fault(site, moved, attempt)).as(url).isEqualTo(here.fault(site, url, attempt));
                faulty += here.fault(site, url, attempt) == null ? 0 : 1;
            }
        }
        assertThat(faulty).as("the flaky world has faults to compare").isPositive();
    }

    private static Map<String, String> baseUrls(WorldConfig config, int firstPort) {
        Map<String, String> bases = new LinkedHashMap<>();
        for (int i = 0; i < config.sites().size(); i++) {
            bases.put(config.sites().get(i).name(), "http://127.0.0.1:" + (firstPort + i) + "/");
        }
        return bases;
    }

    private static String siteOf(String url, Map<String, String> bases) {
        return bases.entrySet().stream().filter(e -> url.startsWith(e.getValue())).findFirst().orElseThrow().getKey();
    }
}
