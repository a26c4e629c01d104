package dev.crawlcase.crawler.fetch;

/**
 * The limits every fetch attempt obeys, the same for the blocking and the non-blocking fetcher.
 *
 * @param connectTimeoutMs   TCP connect timeout
 * @param firstByteTimeoutMs time from the start of the attempt to the response headers
 * @param totalTimeoutMs     time from the start of the attempt to the end of the body
 * @param maxBodyBytes       page bodies are cut here ({@code truncated=true}); also caps gzip/deflate inflation
 * @param maxRobotsBytes     robots.txt bodies are cut here
 * @param userAgent          sent as the User-Agent header
 * @param allowRemote        false: only literal loopback hosts (127.0.0.0/8, ::1, localhost) are contacted; any
 *                           other host fails with {@link ErrorKind#NOT_ALLOWED} before a connection is attempted
 */
public record FetchLimits(int connectTimeoutMs, int firstByteTimeoutMs, int totalTimeoutMs, int maxBodyBytes,
                          int maxRobotsBytes, String userAgent, boolean allowRemote) {

    public static final String DEFAULT_USER_AGENT = "crawlcase/0.1 (+https://github.com/crawlcase)";

    public FetchLimits {
        positive("connectTimeoutMs", connectTimeoutMs);
        positive("firstByteTimeoutMs", firstByteTimeoutMs);
        positive("totalTimeoutMs", totalTimeoutMs);
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxRobotsBytes", maxRobotsBytes);
        if (firstByteTimeoutMs > totalTimeoutMs) {
            throw new IllegalArgumentException("firstByteTimeoutMs (" + firstByteTimeoutMs
                    + ") must not exceed totalTimeoutMs (" + totalTimeoutMs + ")");
        }
        if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("userAgent must be non-blank printable ASCII, got: " + userAgent);
        }
    }

    /** Loopback-only defaults: 5 s connect, 10 s first byte, 30 s total, 2 MiB pages, 512 KiB robots.txt. */
    public static FetchLimits defaults() {
        return new FetchLimits(5_000, 10_000, 30_000, 2 << 20, 512 << 10, DEFAULT_USER_AGENT, false);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
