package dev.crawlcase.crawler.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags every child JVM the crawler starts (compare's sites process, bench runs, the tests' crawler processes) gets
 * besides its own heap settings. From JDK 23 on (JEP 471), Netty and Hazelcast's use of {@code sun.misc.Unsafe}
 * memory access prints a warning block per JVM; allowing it keeps their output to what the crawl says. A launcher
 * cannot set it for {@code java -jar} (the manifest carries no JVM options), so the README passes it on the command
 * line.
 */
public final class JvmFlags {
    /** The first feature release that knows {@code --sun-misc-unsafe-memory-access}. */
    static final int UNSAFE_FLAG_SINCE = 23;

    private JvmFlags() {
    }

    /** The first feature release that takes {@code --enable-native-access=ALL-UNNAMED} as final API (JEP 454). */
    static final int NATIVE_ACCESS_FLAG_SINCE = 22;

    /** The flags for a child of this JVM (same java binary, so the same feature release). */
    public static List<String> child() {
        int feature = Runtime.version().feature();
        List<String> flags = new ArrayList<>(forRelease(feature));
        flags.addAll(nativeAccess(feature));
        return List.copyOf(flags);
    }

    /**
     * Netty's io_uring library (the io-uring mode's transport) is loaded whenever Vert.x starts, since Vert.x probes
     * which transports work; from JDK 24 on (JEP 472) that load prints a warning block unless native access is
     * enabled. The jar's manifest enables it for {@code java -jar}; a child started with {@code -cp} needs the flag.
     */
    static List<String> nativeAccess(int feature) {
        return feature >= NATIVE_ACCESS_FLAG_SINCE ? List.of("--enable-native-access=ALL-UNNAMED") : List.of();
    }

    static List<String> forRelease(int feature) {
        return feature >= UNSAFE_FLAG_SINCE ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
    }
}
