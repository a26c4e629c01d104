package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.ConfigFile;
import org.junit.jupiter.api.Test;
import dev.crawlcase.crawler.frontier.SitemapSource;
import dev.crawlcase.crawler.parse.SitemapLimits;
import dev.crawlcase.crawler.run.CrawlSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrawlConfigLoaderTest {

    @Test
    void theShippedConfigLoadsAndItsSitesPathIsResolvedBesideIt() {
        CrawlConfig config = CrawlConfigLoader.load(Path.of("../config/crawl.json"));
        assertThat(config.mode()).isEqualTo(Mode.ASYNC);
        assertThat(config.robots().obey()).isTrue();
        assertThat(config.sites()).isEqualTo(ConfigFile.of(Path.of("../config/sites.json")));
    }

    @Test
    void theBundledDefaultsMatchTheShippedFile() {
        CrawlConfig bundled = CrawlConfigLoader.bundled();
        CrawlConfig shipped = CrawlConfigLoader.load(Path.of("../config/crawl.json"));
        assertThat(bundled.withSeeds(shipped.seeds())).usingRecursiveComparison().ignoringFields("sites", "output")
                .isEqualTo(shipped);
        // no config/sites.json in this folder: the bundled crawl.json names the bundled world
        assertThat(bundled.sites()).isEqualTo(ConfigFile.bundled("sites.json"));
    }

    @Test
    void anEmptyObjectGivesTheDefaults() {
        CrawlConfig config = CrawlConfigLoader.parse("{}", "test", null);
        assertThat(config.concurrency()).isEqualTo(64);
        assertThat(config.maxDepth()).isEqualTo(8);
        assertThat(config.retry().maxRetries()).isEqualTo(3);
    }

    @Test
    void sitemapsAreReadFromRobotsByDefaultWithTheProtocolsBoundsAndCanBeSetOtherwise() {
        CrawlConfig defaults = CrawlConfigLoader.parse("{}", "test", null);
        assertThat(defaults.sitemaps().use()).isEqualTo(SitemapSource.ROBOTS);
        assertThat(defaults.sitemaps().limits()).isEqualTo(new SitemapLimits(52_428_800, 50_000, 2));
        CrawlConfig set = CrawlConfigLoader.parse(
                "{\"sitemaps\": {\"use\": \"always\", \"maxBytes\": 2048, \"maxUrls\": 10, \"maxIndexDepth\": 0}}",
                "test", null);
        assertThat(set.sitemaps()).isEqualTo(new CrawlConfig.Sitemaps(SitemapSource.ALWAYS, new SitemapLimits(2048, 10, 0)));
        assertThat(new CrawlSetup(set).frontierSettings().sitemaps()).isEqualTo(SitemapSource.ALWAYS);
    }

    @Test
    void sequentialRunsOneRequestAtATimeWhateverTheConcurrency() {
        CrawlConfig config = CrawlConfigLoader.parse("{\"mode\":\"sequential\",\"concurrency\":50}", "test", null);
        assertThat(config.effectiveConcurrency()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"concurency\": 4}                          | test: concurency: unknown key",
        "{\"concurrency\": \"many\"}                  | test: concurrency: must be a whole number, got \"many\"",
        "{\"concurrency\": 0}                         | test: concurrency: must be between 1 and 100000, got 0",
        "{\"concurrency\": 1.5}                       | test: concurrency: must be a whole number, got 1.5",
        "{\"mode\": \"turbo\"}                        | test: mode: unknown mode 'turbo'",
        "{\"robots\": {\"obey\": \"yes\"}}            | test: robots.obey: must be true or false, got \"yes\"",
        "{\"robots\": []}                             | test: robots: must be an object, got an array",
        "{\"fetch\": {\"timeout\": 5}}                | test: fetch.timeout: unknown key",
        "{\"scope\": {\"include\": [\"(\"]}}          | test: scope.include[0]: not a valid regex",
        "{\"scope\": {\"exclude\": [3]}}              | test: scope.exclude[0]: must be a string, got 3",
        "{\"fetch\": {\"firstByteTimeoutMs\": 9000, \"totalTimeoutMs\": 5000}} | test: fetch.firstByteTimeoutMs: must not exceed",
        "{\"sitemaps\": {\"use\": \"sometimes\"}}   | test: sitemaps.use: must be robots, always or off, got sometimes",
        "{\"sitemaps\": {\"maxBytes\": 52428801}}     | test: sitemaps.maxBytes: must be between 1024 and 52428800",
        "{\"sitemaps\": {\"maxUrls\": 0}}             | test: sitemaps.maxUrls: must be between 1 and 50000",
        "{\"sitemaps\": {\"depth\": 1}}               | test: sitemaps.depth: unknown key",
        "[1, 2]                                       | test: not a JSON object",
        "{\"mode\": \"async\",                        | test: not a JSON object",
    })
    void badValuesAreRejectedWithOneLineNamingTheKey(String json, String message) {
        assertThatThrownBy(() -> CrawlConfigLoader.parse(json, "test", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingFileIsOneLine(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> CrawlConfigLoader.load(dir.resolve("nope.json")))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("nope.json: no such config file");
    }

    @Test
    void relativeSitesPathResolvesAgainstTheConfigFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"sites\": \"worlds/tiny.json\"}");
        assertThat(CrawlConfigLoader.load(file).sites()).isEqualTo(ConfigFile.of(dir.resolve("worlds/tiny.json")));
    }

    @Test
    void outputPathsWrittenInTheFileResolveAgainstItsFolderAndLeftOutOnesGoToTheCurrentFolder(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"),
                "{\"output\": {\"records\": \"out/r.jsonl\", \"summary\": \"/abs/s.json\"}}");
        assertThat(CrawlConfigLoader.load(file).output())
                .isEqualTo(new CrawlConfig.Output(dir.resolve("out/r.jsonl"), Path.of("/abs/s.json")));
        Path partial = Files.writeString(dir.resolve("p.json"), "{\"output\": {\"records\": \"../r.jsonl\"}}");
        assertThat(CrawlConfigLoader.load(partial).output()).isEqualTo(new CrawlConfig.Output(
                dir.getParent().resolve("r.jsonl"), Path.of("crawl-out", "summary.json")));
        Path empty = Files.writeString(dir.resolve("e.json"), "{}");
        assertThat(CrawlConfigLoader.load(empty).output()).isEqualTo(new CrawlConfig.Output(
                Path.of("crawl-out", "records.jsonl"), Path.of("crawl-out", "summary.json")));
    }
}
