package dev.crawlcase.crawler.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Child JVMs get the flag that silences the sun.misc.Unsafe warnings exactly where the JDK knows it. */
class JvmFlagsTest {
    @Test
    void theUnsafeFlagOnlyWhereTheJdkKnowsIt() {
        assertThat(JvmFlags.forRelease(17)).isEmpty();
        assertThat(JvmFlags.forRelease(21)).isEmpty();
        assertThat(JvmFlags.forRelease(23)).containsExactly("--sun-misc-unsafe-memory-access=allow");
        assertThat(JvmFlags.forRelease(25)).containsExactly("--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void nativeAccessIsEnabledWhereTheJdkWarnsAboutLoadingALibrary() {
        assertThat(JvmFlags.nativeAccess(17)).isEmpty();
        assertThat(JvmFlags.nativeAccess(21)).isEmpty();
        assertThat(JvmFlags.nativeAccess(25)).containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(JvmFlags.child()).containsAll(JvmFlags.forRelease(Runtime.version().feature()));
    }
}
