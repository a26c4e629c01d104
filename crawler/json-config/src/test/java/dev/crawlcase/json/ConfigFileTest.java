package dev.crawlcase.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one lookup of every command's configs (the flag's file, else config/NAME here, else the bundled copy) and the
 * one rule for paths written in a config (relative to its folder; a bundled copy stands for config/ here). The
 * bundled copies of these tests are src/test/resources/config/lookup-test.json and beside.json.
 */
class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void aFlagNamesTheFileWhateverIsBundled() {
        Path flag = dir.resolve("mine.json");
        assertThat(ConfigFile.find(flag, "lookup-test.json")).isEqualTo(ConfigFile.of(flag));
    }

    @Test
    void withoutAFlagTheBundledCopyStandsInWhenConfigHereHasNone() {
        // the module's folder has no config/lookup-test.json
        ConfigFile found = ConfigFile.find(null, "lookup-test.json");
        assertThat(found.isBundled()).isTrue();
        assertThat(found.json().getString("name")).isEqualTo("bundled");
        assertThat(found).hasToString("bundled config/lookup-test.json");
    }

    @Test
    void withoutAFlagOrACopyTheMissingFileHereIsNamed() {
        ConfigFile found = ConfigFile.find(null, "nowhere.json");
        assertThat(found).isEqualTo(ConfigFile.of(Path.of("config", "nowhere.json")));
        assertThatThrownBy(found::json).isInstanceOf(ConfigException.class)
                .hasMessage(Path.of("config", "nowhere.json") + ": no such config file");
    }

    @Test
    void pathsWrittenInAFileResolveAgainstItsFolder() throws Exception {
        ConfigFile file = ConfigFile.of(Files.writeString(dir.resolve("c.json"), "{}"));
        assertThat(file.resolve("out/r.jsonl")).isEqualTo(dir.resolve("out/r.jsonl"));
        assertThat(file.resolve("../r.jsonl")).isEqualTo(dir.getParent().resolve("r.jsonl"));
        assertThat(file.resolve("/abs/r.jsonl")).isEqualTo(Path.of("/abs/r.jsonl"));
        assertThat(file.named("beside.json")).isEqualTo(ConfigFile.of(dir.resolve("beside.json")));
        // a file given by a relative path keeps relative paths, against the same current folder
        assertThat(ConfigFile.of(Path.of("c.json")).resolve("out/r.jsonl")).isEqualTo(Path.of("out/r.jsonl"));
        assertThat(ConfigFile.of(Path.of("config/c.json")).resolve("../crawl-out/r.jsonl"))
                .isEqualTo(Path.of("crawl-out/r.jsonl"));
    }

    @Test
    void aBundledCopyStandsForConfigHere() {
        ConfigFile bundled = ConfigFile.bundled("lookup-test.json");
        assertThat(bundled.folder()).isEqualTo(Path.of("config"));
        assertThat(bundled.resolve(bundled.json().getString("out"))).isEqualTo(Path.of("out/x.json"));
        // no config/beside.json here: the config it names is the bundled one too
        assertThat(bundled.named("beside.json")).isEqualTo(ConfigFile.bundled("beside.json"));
        assertThat(bundled.named("beside.json").json().getString("name")).isEqualTo("bundled beside");
        // a name with neither a file here nor a bundled copy is the missing file here
        assertThat(bundled.named("other.json")).isEqualTo(ConfigFile.of(Path.of("config", "other.json")));
    }
}
