package dev.crawlcase.crawler.task;

/**
 * When an attempt passed its phases, in milliseconds since it started: the connection was up ({@code connectMs}),
 * the first byte of the response arrived ({@code firstByteMs}); the body ends with the attempt. Each is -1 when the
 * client cannot tell (the JDK and Vert.x clients pool their connections and report no connect time) or the attempt
 * never got there. Recorded for a comparison's timeline; it never crosses the event bus.
 */
public record FetchPhases(double connectMs, double firstByteMs) {
    public static final FetchPhases UNKNOWN = new FetchPhases(-1, -1);

    public boolean knowsConnect() {
        return connectMs >= 0;
    }

    public boolean knowsFirstByte() {
        return firstByteMs >= 0;
    }
}
