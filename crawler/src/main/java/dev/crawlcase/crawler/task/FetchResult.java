package dev.crawlcase.crawler.task;

/**
 * What one HTTP attempt produced. Fetchers never follow redirects and never retry: they report.
 *
 * @param status       HTTP status, or 0 when no response arrived (see {@code error})
 * @param contentType  media type without parameters, lower case (e.g. "text/html"), or null
 * @param charset      charset from the Content-Type header, or null
 * @param body         the body when it was read (HTML pages and robots.txt), else an empty array
 * @param bytes        body bytes received
 * @param truncated    true when the body was cut at the size cap
 * @param location     the Location header of a 3xx response, as sent (unresolved), else null
 * @param retryAfterMs the Retry-After header in milliseconds, or -1
 * @param error        null on success (a response arrived), else why none did
 * @param fetchMillis  time from the start of the request to the end of the body (or the error)
 * @param httpVersion  the HTTP version the response came over, or null when no response arrived
 * @param wireBytes    body bytes as they travelled (before content decoding: smaller than {@code bytes} for a
 *                     compressed page), or -1 when the client cannot tell (no response, or a body not read)
 * @param capture      the response's header lines and transferred bytes for the archive; {@link ResponseCapture#NONE}
 *                     once the result leaves the fetcher's side (it never crosses the event bus)
 * @param phases       when the attempt connected and got its first byte, as far as the client can tell
 *                     ({@link FetchPhases#UNKNOWN} otherwise); for a comparison's timeline, never on the event bus
 */
public record FetchResult(int status, String contentType, String charset, byte[] body, long bytes,
                          boolean truncated, String location, long retryAfterMs, ErrorKind error,
                          long fetchMillis, HttpProtocol httpVersion, long wireBytes, ResponseCapture capture,
                          FetchPhases phases) {

    /** A result whose client reports no phases. */
    public FetchResult(int status, String contentType, String charset, byte[] body, long bytes, boolean truncated,
                       String location, long retryAfterMs, ErrorKind error, long fetchMillis, HttpProtocol httpVersion,
                       long wireBytes, ResponseCapture capture) {
        this(status, contentType, charset, body, bytes, truncated, location, retryAfterMs, error, fetchMillis,
                httpVersion, wireBytes, capture, FetchPhases.UNKNOWN);
    }

    /** A result without a capture, whose version and wire size are unknown. */
    public FetchResult(int status, String contentType, String charset, byte[] body, long bytes, boolean truncated,
                       String location, long retryAfterMs, ErrorKind error, long fetchMillis) {
        this(status, contentType, charset, body, bytes, truncated, location, retryAfterMs, error, fetchMillis,
                null, -1, ResponseCapture.NONE);
    }

    /** A result with a capture, whose version and wire size are unknown. */
    public FetchResult(int status, String contentType, String charset, byte[] body, long bytes, boolean truncated,
                       String location, long retryAfterMs, ErrorKind error, long fetchMillis, ResponseCapture capture) {
        this(status, contentType, charset, body, bytes, truncated, location, retryAfterMs, error, fetchMillis,
                null, -1, capture);
    }

    public static FetchResult failure(ErrorKind error, long fetchMillis) {
        return new FetchResult(0, null, null, new byte[0], 0, false, null, -1, error, fetchMillis);
    }

    /** This result without its capture: what goes on to the frontier once the archive has it. */
    public FetchResult withoutCapture() {
        return capture == ResponseCapture.NONE ? this : new FetchResult(status, contentType, charset, body, bytes,
                truncated, location, retryAfterMs, error, fetchMillis, httpVersion, wireBytes, ResponseCapture.NONE,
                phases);
    }

    /** This result with {@code kept} as its body (what the parser hands on), everything else as it is. */
    public FetchResult withBody(byte[] kept) {
        return new FetchResult(status, contentType, charset, kept, bytes, truncated, location, retryAfterMs, error,
                fetchMillis, httpVersion, wireBytes, capture, phases);
    }

    /** This result with the phases its client saw. */
    public FetchResult withPhases(FetchPhases seen) {
        return new FetchResult(status, contentType, charset, body, bytes, truncated, location, retryAfterMs, error,
                fetchMillis, httpVersion, wireBytes, capture, seen);
    }

    public boolean isHtml() {
        return "text/html".equals(contentType) || "application/xhtml+xml".equals(contentType);
    }

    public boolean isRedirect() {
        return error == null && status >= 300 && status < 400 && location != null;
    }
}
