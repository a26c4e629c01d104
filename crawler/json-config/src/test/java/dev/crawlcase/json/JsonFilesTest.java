package dev.crawlcase.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A config file that cannot be read or parsed is one line saying where and why. */
class JsonFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSyntaxErrorNamesLineAndColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{\n  \"mode\": \"async\",\n  \"concurrency\": 4,,\n}\n");
        assertThatThrownBy(() -> JsonFiles.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": not a JSON object (Unexpected character (','")
                .hasMessageEndingWith(") at line 3, column 20")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aPermissionProblemSaysPermissionDenied() {
        assertThat(JsonFiles.unreadable(new AccessDeniedException("/etc/x.json"))).isEqualTo("cannot read: permission denied");
    }

    @Test
    void aFolderIsNotReadAsAConfig() {
        assertThatThrownBy(() -> JsonFiles.read(dir)).isInstanceOf(ConfigException.class)
                .hasMessage(dir + ": cannot read: is a folder, not a file");
    }
}
