package dev.crawlcase.crawler.testkit;

/** JUnit tags of the crawler's tests. */
public final class Tags {
    /**
     * Slow suites whose subject does not change with the JDK (several crawler JVMs and a cluster, a headless
     * browser reading a page, crawls stopped, killed and resumed, output that cannot be written, the CLI's commands
     * end to end, the house rules, the mode contract's parse-level cases: sitemaps, link sources, page directives,
     * content codings): {@code .ci/run} runs them on the newest JDK only, and leaves them out of its
     * second pass on JDK 17, which checks what the JDK does change (the build, the modes and their clients, TLS,
     * HTTP/2) and keeps CI short. {@code mvn verify} runs them everywhere.
     */
    public static final String NEWEST_JDK = "newest-jdk";

    private Tags() {
    }
}
