package dev.crawlcase.sites.config;

/** The faults a site can inject; {@link #key()} is the JSON key of its probability. */
public enum FaultKind {
    /** 500 Internal Server Error. */
    STATUS_500("status500"),
    /** 503 Service Unavailable with Retry-After. */
    STATUS_503("status503"),
    /** 429 Too Many Requests with Retry-After. */
    STATUS_429("status429"),
    /** TCP reset (RST) instead of a response. */
    RESET("reset"),
    /** No response ever; the connection stays open until the client gives up. */
    HANG("hang"),
    /** Content-Length larger than the bytes sent, then close. */
    TRUNCATED("truncated"),
    /** Chunked encoding with an invalid chunk size line, then close. */
    MALFORMED_CHUNK("malformedChunk"),
    /** Close the connection without sending a byte. */
    EMPTY("empty");

    private final String key;

    FaultKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
