package dev.crawlcase.crawler.task;

/**
 * The error kinds a fetch attempt can end with; {@link #label()} is what records and summaries show.
 * {@code TLS_CERTIFICATE}: the server's certificate was not trusted or does not name the host;
 * {@code TLS_HANDSHAKE}: any other TLS failure before the request (no TLS on that port, no common protocol).
 * {@code PRIVATE_ADDRESS}: a remote crawl's host resolved to a private, loopback, link-local, multicast or
 * reserved address, refused before connecting.
 */
public enum ErrorKind {
    TIMEOUT_CONNECT, TIMEOUT_FIRST_BYTE, TIMEOUT_TOTAL, REFUSED, RESET, TRUNCATED_BODY, PROTOCOL,
    UNKNOWN_HOST, NOT_ALLOWED, PRIVATE_ADDRESS, TLS_HANDSHAKE, TLS_CERTIFICATE, IO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** I/O-level failures worth retrying (the server may behave next time). */
    public boolean retryable() {
        // an untrusted certificate is the same on the next attempt; only its owner or the config can change it
        return this != UNKNOWN_HOST && this != NOT_ALLOWED && this != PRIVATE_ADDRESS && this != TLS_CERTIFICATE;
    }
}
