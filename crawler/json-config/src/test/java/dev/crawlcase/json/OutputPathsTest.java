package dev.crawlcase.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one check of every output path (run's records and summary, compare's report, bench's results, the sites'
 * manifest) and the one whole-or-nothing write of small outputs.
 */
class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void aPathThatCanBeWrittenOnceItsFoldersExistPasses() throws Exception {
        assertThat(OutputPaths.file("--out", dir.resolve("a/b/r.jsonl"))).isEqualTo(dir.resolve("a/b/r.jsonl"));
        assertThat(OutputPaths.folder("--report", dir.resolve("x/y"))).isEqualTo(dir.resolve("x/y"));
        assertThat(dir.resolve("a")).doesNotExist(); // checking makes nothing
        assertThat(dir).isEmptyDirectory(); // and leaves no probe file
    }

    @Test
    void everyPathThatCanNeverBeWrittenIsOneLineNamingTheFlag() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> OutputPaths.fileNamed("--out", dir + "/new/")).isInstanceOf(ConfigException.class)
                .hasMessage("--out: names a folder (" + dir + "/new/), expected a file");
        assertThatThrownBy(() -> OutputPaths.file("--out", dir)).hasMessage("--out " + dir + ": is a folder");
        assertThatThrownBy(() -> OutputPaths.file("--out", plain.resolve("r.jsonl")))
                .hasMessage("--out " + plain.resolve("r.jsonl") + ": " + plain + " is not a folder");
        assertThatThrownBy(() -> OutputPaths.folder("--report", plain))
                .hasMessage("--report " + plain + ": is a file, expected a folder");
        assertThatThrownBy(() -> OutputPaths.file("--manifest", Path.of("/proc/x.json")))
                .hasMessageStartingWith("--manifest /proc/x.json: cannot create files in /proc (");
    }

    @Test
    void aWholeWriteReplacesTheFileOrLeavesIt() throws Exception {
        Path file = dir.resolve("new/m.json");
        OutputPaths.writeWhole(file, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(file).hasContent("{}");
        assertThat(dir.resolve("new")).isDirectoryContaining(p -> p.equals(file)).satisfies(d ->
                assertThat(Files.list(d).count()).isOne());
        assertThatThrownBy(() -> OutputPaths.writeWhole(Path.of("/dev/full"), new byte[10]))
                .satisfies(e -> assertThat(OutputPaths.reason(e)).isEqualTo("No space left on device"));
    }
}
