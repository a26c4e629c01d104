package dev.crawlcase.crawler.task;

/** The error kinds a fetch attempt can end with; {@link #label()} is what records and summaries show. */
public enum ErrorKind {
    TIMEOUT_CONNECT, TIMEOUT_FIRST_BYTE, TIMEOUT_TOTAL, REFUSED, RESET, TRUNCATED_BODY, PROTOCOL,
    UNKNOWN_HOST, NOT_ALLOWED, IO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** I/O-level failures worth retrying (the server may behave next time). */
    public boolean retryable() {
        return this != UNKNOWN_HOST && this != NOT_ALLOWED;
    }
}
