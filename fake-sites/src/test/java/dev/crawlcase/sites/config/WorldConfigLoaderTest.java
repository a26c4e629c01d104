package dev.crawlcase.sites.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawlcase.json.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorldConfigLoaderTest {

    @Test
    void loadsTheBundledDefaultWorld() {
        WorldConfig config = WorldConfigLoader.load(Path.of("../config/sites.json"));
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.siteNames()).containsExactly("news", "shop", "blog");
        assertThat(config.sites()).extracting(SiteSpec::port).containsExactly(8081, 8082, 8083);
        assertThat(config.site("shop").crawlDelaySeconds()).isEqualTo(0.05);
        assertThat(config.site("shop").latency()).isEqualTo(Distribution.uniform(40, 100));
        assertThat(config.site("news").faults().maxFaultsPerUrl()).isEqualTo(2);
        assertThat(config.site("news").faults().total()).isLessThan(0.05);
        assertThat(config.withEphemeralPorts().sites()).allMatch(s -> s.port() == 0);
    }

    @Test
    void minimalConfigGetsDefaults() {
        WorldConfig config = WorldConfigLoader.parse("{\"sites\":[{\"name\":\"a\",\"port\":0}]}");
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.sites().get(0)).isEqualTo(SiteSpec.named("a"));
    }

    @Test
    void aSitesAccessIsRead() {
        WorldConfig config = WorldConfigLoader.parse("{\"sites\":[{\"name\":\"a\",\"port\":0,"
                + "\"access\":{\"user\":\"u\",\"password\":\"p\",\"cookie\":\"s=1\"}}]}");
        assertThat(config.sites().get(0).access()).isEqualTo(new SiteAccess("u", "p", "s=1"));
        assertThat(SiteSpec.named("a").access()).isEqualTo(SiteAccess.OPEN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        {"sites":[{"name":"a","port":0,"latency":{"type":"lognormal","median":5,"sigma":-1,"max":9}}]} | sites[0].latency.sigma: must be >= 0, got -1
        {"sites":[{"name":"a","port":0,"latncy":1}]}                                   | sites[0].latncy: unknown key (known here: access, bandwidth, directives, faults, largePageBytes, latency, levels, name, outDegree, pageBytes, pages, port, robots, sitemaps)
        {"sites":[{"name":"a","port":0,"pages":"ten"}]}                                | sites[0].pages: must be a whole number, got "ten"
        {"sites":[{"name":"a","port":0,"pages":5}]}                                    | sites[0].pages: must be >= 10, got 5
        {"sites":[{"name":"a","port":0,"pages":10.5}]}                                 | sites[0].pages: must be a whole number, got 10.5
        {"sites":[{"name":"a","port":0,"latency":{"type":"fixed","value":-3}}]}        | sites[0].latency.value: must be >= 0, got -3
        {"sites":[{"name":"a","port":0,"latency":{"type":"gauss"}}]}                   | sites[0].latency.type: must be one of fixed, uniform, lognormal, got "gauss"
        {"sites":[{"name":"a","port":0,"latency":{"type":"uniform","min":9,"max":2}}]} | sites[0].latency.max: must be >= 9, got 2
        {"sites":[{"name":"a","port":0,"faults":{"hang":1.5}}]}                        | sites[0].faults.hang: must be in [0, 1], got 1.5
        {"sites":[{"name":"a","port":0,"faults":{"status500":0.6,"reset":0.6}}]}       | sites[0].faults: sum of fault probabilities must be <= 1, got 1.2
        {"sites":[{"name":"a","port":0,"faults":{"permanentPaths":["x"]}}]}            | sites[0].faults.permanentPaths[0]: must start with '/', got x
        {"sites":[{"name":"a","port":0,"robots":{"crawlDelay":-1}}]}                   | sites[0].robots.crawlDelay: must be in [0, 60], got -1
        {"sites":[{"name":"a","port":1},{"name":"a","port":2}]}                        | sites[1].name: duplicate site name a
        {"sites":[{"name":"a","port":1},{"name":"b","port":1}]}                        | sites[1].port: duplicate port 1
        {"sites":[{"name":"a","port":70000}]}                                          | sites[0].port: must be in [0, 65535], got 70000
        {"sites":[{"name":"A b","port":0}]}                                            | sites[0].name: must be lower-case letters and digits starting with a letter, got A b
        {"sites":[{"port":0}]}                                                         | sites[0].name: is required
        {"sites":[{"name":"a","port":0,"access":{"user":"u"}}]}                        | sites[0].access.user: user and password go together
        {"sites":[{"name":"a","port":0,"access":{"cookie":"nocookie"}}]}               | sites[0].access.cookie: must be name=value, got "nocookie"
        {"sites":[]}                                                                   | sites: must contain at least one site
        {"seed":"x","sites":[]}                                                        | seed: must be a whole number, got "x"
        {"sites":{}}                                                                   | sites: must be an array, got an object
        {"sites":[{"name":"a","port":0}],"extra":true}                                 | extra: unknown key (known here: contentEncoding, http2, seed, sites, tls)
        """)
    void badConfigsAreRejectedWithOneLineNamingTheKey(String json, String message) {
        assertThatThrownBy(() -> WorldConfigLoader.parse(json))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void invalidJsonAndMissingFilesAreOneLine() {
        assertThatThrownBy(() -> WorldConfigLoader.parse("{nope"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("sites config: not a JSON object (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> WorldConfigLoader.load(Path.of("no/such/file.json")))
                .isInstanceOf(ConfigException.class).hasMessage("no/such/file.json: no such config file");
    }
}
