package dev.crawlcase.crawler.task;

import java.util.Locale;

/**
 * How much a record says about a fetched page: {@code basic} (the default, small), {@code full} (also its outlinks
 * with the reason any were dropped, response headers, SHA-256 of the body, canonical URL, robots directives) or
 * {@code text} (full, and the page's extracted text).
 */
public enum RecordDetail {
    BASIC, FULL, TEXT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the page's details are worked out at all. */
    public boolean full() {
        return this != BASIC;
    }

    public static RecordDetail parse(String label) {
        for (RecordDetail d : values()) {
            if (d.label().equals(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("expected basic, full or text, got '" + label + "'");
    }
}
