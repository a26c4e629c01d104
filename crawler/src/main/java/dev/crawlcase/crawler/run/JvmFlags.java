package dev.crawlcase.crawler.run;

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

    /** The flags for a child of this JVM (same java binary, so the same feature release). */
    public static List<String> child() {
        return forRelease(Runtime.version().feature());
    }

    static List<String> forRelease(int feature) {
        return feature >= UNSAFE_FLAG_SINCE ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
    }
}
