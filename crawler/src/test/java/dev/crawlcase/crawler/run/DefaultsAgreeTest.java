package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.config.CompareConfig;
import dev.crawlcase.crawler.config.CompareConfigLoader;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.frontier.FrontierSettings;
import dev.crawlcase.json.ConfigFile;
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
    /** The project root: the folder the shipped config/ lies in, where its "../" output paths point. */
    private static final Path ROOT = CONFIG.getParent();

    /** An empty crawl.json in config/. */
    private static CrawlConfig codeDefaults() {
        return CrawlConfigLoader.parse("{}", "no settings", CONFIG);
    }

    @Test
    void theShippedCrawlJsonStatesTheCodeDefaults() {
        CrawlConfig shipped = CrawlConfigLoader.load(CONFIG.resolve("crawl.json"));
        assertThat(shipped).usingRecursiveComparison().ignoringFields("output").isEqualTo(codeDefaults());
        // its output paths are relative to config/, so from the project root they name the default files
        assertThat(shipped.output()).isEqualTo(new CrawlConfig.Output(ROOT.resolve(CrawlConfigLoader.DEFAULT_RECORDS),
                ROOT.resolve(CrawlConfigLoader.DEFAULT_SUMMARY)));
    }

    @Test
    void theBundledCrawlJsonStatesTheCodeDefaults() {
        // the bundled copy stands for config/crawl.json in the current folder: its files land in crawl-out/ there
        assertThat(CrawlConfigLoader.bundled()).usingRecursiveComparison().ignoringFields("sites")
                .isEqualTo(codeDefaults());
        assertThat(CrawlConfigLoader.bundled().output().records()).isEqualTo(Path.of("crawl-out", "records.jsonl"));
    }

    @Test
    void theShippedCompareJsonStatesTheCodeDefaults(@TempDir Path dir) throws Exception {
        CompareConfig shipped = CompareConfigLoader.load(CONFIG.resolve("compare.json"));
        CompareConfig defaults = CompareConfigLoader.load(Files.writeString(dir.resolve("compare.json"), "{}"));
        assertThat(shipped).usingRecursiveComparison().ignoringFields("crawl", "sites", "quickSites", "report")
                .isEqualTo(defaults);
        assertThat(shipped.crawl()).isEqualTo(ConfigFile.of(CONFIG.resolve(defaults.crawl().path().getFileName())));
        assertThat(shipped.sites()).isEqualTo(ConfigFile.of(CONFIG.resolve(defaults.sites().path().getFileName())));
        assertThat(shipped.quickSites())
                .isEqualTo(ConfigFile.of(CONFIG.resolve(defaults.quickSites().path().getFileName())));
        assertThat(shipped.report()).isEqualTo(ROOT.resolve(defaults.report()));
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
