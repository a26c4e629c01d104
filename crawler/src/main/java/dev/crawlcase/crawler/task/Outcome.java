package dev.crawlcase.crawler.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a discovered URL ended: the one outcome its {@link CrawlRecord} carries. {@link #label()} is the lower-case
 * word records and summaries show; reading a file back with any other word is an error, not a fifth outcome.
 */
public enum Outcome {
    /** HTML 2xx, parsed. */
    FETCHED,
    /** 3xx; the record's finalUrl is the resolved Location. */
    REDIRECTED,
    /** No usable answer; the record's reason says why ("http_404", "timeout_first_byte", ...). */
    FAILED,
    /** Never fetched, or fetched and not parsed; the reason says why ("robots", "scope", "content_type", ...). */
    SKIPPED;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The word records and summaries carry. */
    public String label() {
        return label;
    }

    /** The outcome with this label (exact, lower case, as written). */
    public static Outcome parse(String label) {
        for (Outcome o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + label + "' (expected one of "
                + Arrays.stream(values()).map(Outcome::label).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
