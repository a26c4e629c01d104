package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.config.CompareConfig;
import dev.crawlcase.crawler.config.CompareConfigLoader;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.frontier.FrontierSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One value per default: the shipped config files state exactly what the code falls back to, and the settings
 * records' own defaults are what an empty config turns into.
 */
class DefaultsAgreeTest {
    private static final Path CONFIG = Path.of("../config").toAbsolutePath().normalize();

    private static CrawlConfig codeDefaults() {
        return CrawlConfigLoader.parse("{}", "no settings", CONFIG);
    }

    @Test
    void theShippedCrawlJsonStatesTheCodeDefaults() {
        assertThat(CrawlConfigLoader.load(CONFIG.resolve("crawl.json"))).usingRecursiveComparison()
                .isEqualTo(codeDefaults());
    }

    @Test
    void theBundledCrawlJsonStatesTheCodeDefaults() {
        assertThat(CrawlConfigLoader.bundled()).usingRecursiveComparison().ignoringFields("sites")
                .isEqualTo(codeDefaults());
    }

    @Test
    void theShippedCompareJsonStatesTheCodeDefaults(@TempDir Path dir) throws Exception {
        CompareConfig shipped = CompareConfigLoader.load(CONFIG.resolve("compare.json"));
        CompareConfig defaults = CompareConfigLoader.load(Files.writeString(dir.resolve("compare.json"), "{}"));
        assertThat(shipped).usingRecursiveComparison().ignoringFields("crawl", "sites", "quickSites")
                .isEqualTo(defaults);
        assertThat(shipped.crawl()).isEqualTo(CONFIG.resolve(defaults.crawl().getFileName()));
        assertThat(shipped.sites()).isEqualTo(CONFIG.resolve(defaults.sites().getFileName()));
        assertThat(shipped.quickSites()).isEqualTo(CONFIG.resolve(defaults.quickSites().getFileName()));
    }

    @Test
    void theRecordsDefaultsAreWhatAnEmptyConfigBecomes() {
        CrawlSetup setup = new CrawlSetup(codeDefaults());
        assertThat(setup.frontierSettings()).isEqualTo(FrontierSettings.defaults());
        assertThat(setup.fetchLimits()).isEqualTo(FetchLimits.defaults());
    }

    @Test
    void oneUserAgentIsSentWhateverBuildsTheLimits() {
        assertThat(codeDefaults().fetch().userAgent()).isEqualTo(FetchLimits.DEFAULT_USER_AGENT)
                .startsWith(FrontierSettings.DEFAULT_USER_AGENT + "/");
    }
}
