package dev.crawlcase.crawler.testkit;

/** JUnit tags of the crawler's tests. */
public final class Tags {
    /**
     * Slow suites whose subject does not change with the JDK (several crawler JVMs and a cluster, a headless
     * browser reading a page): {@code .ci/run} runs them on the newest JDK only, and leaves them out of its second
     * pass on JDK 17, which checks what the JDK does change (the build, the modes, the clients) and keeps CI short.
     * {@code mvn verify} runs them everywhere.
     */
    public static final String NEWEST_JDK = "newest-jdk";

    private Tags() {
    }
}
