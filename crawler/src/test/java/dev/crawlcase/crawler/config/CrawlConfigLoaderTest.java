package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.json.ConfigException;
import org.junit.jupiter.api.Test;
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
        assertThat(config.sites()).isEqualTo(Path.of("../config/sites.json").toAbsolutePath().normalize());
    }

    @Test
    void theBundledDefaultsMatchTheShippedFile() {
        CrawlConfig bundled = CrawlConfigLoader.bundled();
        CrawlConfig shipped = CrawlConfigLoader.load(Path.of("../config/crawl.json"));
        assertThat(bundled.withSeeds(shipped.seeds())).usingRecursiveComparison().ignoringFields("sites")
                .isEqualTo(shipped);
        assertThat(bundled.sites()).isNull();
    }

    @Test
    void anEmptyObjectGivesTheDefaults() {
        CrawlConfig config = CrawlConfigLoader.parse("{}", "test", null);
        assertThat(config.concurrency()).isEqualTo(64);
        assertThat(config.maxDepth()).isEqualTo(8);
        assertThat(config.retry().maxRetries()).isEqualTo(3);
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
        assertThat(CrawlConfigLoader.load(file).sites()).isEqualTo(dir.resolve("worlds/tiny.json"));
    }
}
