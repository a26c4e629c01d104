package dev.crawlcase.crawler.house;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The crawler's packages keep the house of {@link HouseRules}; a planted cycle in a fixture proves the rules bite. */
@Tag(Tags.NEWEST_JDK)
class HouseTest {
    private static final String ROOT = "dev.crawlcase.crawler";
    private static final String FIXTURE = "dev.crawlcase.archfixture";
    private static JavaClasses crawler;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        crawler = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void packagesFormNoCycle() {
        HouseRules.noCycles(ROOT).check(crawler);
    }

    @Test
    void everyPackageIsUsedOnlyFromAbove() {
        HouseRules.layers(ROOT).check(crawler);
    }

    @Test
    void theCoreNeedsNoToolLibrary() {
        HouseRules.coreWithoutTools(ROOT).check(crawler);
    }

    @Test
    void everyPackageSaysWhatItIs() throws IOException {
        for (Path sources : List.of(Path.of("src/main/java"), Path.of("../fake-sites/src/main/java"))) {
            try (Stream<Path> dirs = Files.walk(sources)) {
                List<Path> undocumented = dirs.filter(Files::isDirectory)
                        .filter(dir -> hasJavaFile(dir) && !Files.exists(dir.resolve("package-info.java")))
                        .toList();
                assertThat(undocumented).as("packages without package-info.java").isEmpty();
            }
        }
    }

    private static boolean hasJavaFile(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aPlantedCycleIsCaught() {
        assertThatThrownBy(() -> HouseRules.noCycles(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
    }

    @Test
    void aPlantedBackEdgeIsCaught() {
        assertThatThrownBy(() -> HouseRules.layers(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.url.Leaf")
                .hasMessageContaining("archfixture.task.Message");
    }
}
