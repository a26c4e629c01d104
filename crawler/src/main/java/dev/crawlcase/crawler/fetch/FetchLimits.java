package dev.crawlcase.crawler.fetch;

import dev.crawlcase.json.Check;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.Range;
import io.vertx.core.json.Json;

import java.util.Objects;

/**
 * The limits every fetch attempt obeys, the same for the blocking and the non-blocking fetcher. The defaults and
 * bounds below are the only ones: the crawl config's {@code fetch} object reads them and applies
 * {@link #checkTimeouts} and {@link #checkUserAgent}, so a config that loads always makes valid limits.
 *
 * @param connectTimeoutMs   TCP connect timeout
 * @param firstByteTimeoutMs time from the start of the attempt to the response headers
 * @param totalTimeoutMs     time from the start of the attempt to the end of the body
 * @param maxBodyBytes       page bodies are cut here ({@code truncated=true}); also caps gzip/deflate inflation
 * @param maxRobotsBytes     robots.txt bodies are cut here
 * @param userAgent          sent as the User-Agent header
 * @param allowRemote        false: only literal loopback hosts (127.0.0.0/8, ::1, localhost) are contacted; any
 *                           other host fails with {@link ErrorKind#NOT_ALLOWED} before a connection is attempted
 * @param allowPrivateNetworks with allowRemote: also reach hosts whose addresses are private, link-local, multicast
 *                           or reserved (and names that resolve to loopback); without it they fail as
 *                           {@code private_address} ({@link RemoteGuard})
 * @param trust              which https servers are accepted ({@link TlsTrust}: the JDK's authorities plus any
 *                           configured certificates; never all)
 * @param httpVersion        the HTTP version both clients speak ({@link HttpVersionChoice})
 * @param request            what the real clients add to each request ({@link RequestControls}: headers, cookies,
 *                           Basic credentials, a proxy)
 */
public record FetchLimits(int connectTimeoutMs, int firstByteTimeoutMs, int totalTimeoutMs, int maxBodyBytes,
                          int maxRobotsBytes, String userAgent, boolean allowRemote, boolean allowPrivateNetworks,
                          TlsTrust trust, HttpVersionChoice httpVersion, RequestControls request) {

    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 2_000;
    public static final Range CONNECT_TIMEOUT_MS_RANGE = new Range(1, 600_000);
    public static final int DEFAULT_FIRST_BYTE_TIMEOUT_MS = 3_000;
    /** Also never above {@code totalTimeoutMs}. */
    public static final Range FIRST_BYTE_TIMEOUT_MS_RANGE = new Range(1, 600_000);
    public static final int DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
    public static final Range TOTAL_TIMEOUT_MS_RANGE = new Range(1, 3_600_000);
    public static final int DEFAULT_MAX_BODY_BYTES = 10 << 20;
    public static final Range MAX_BODY_BYTES_RANGE = new Range(1, Integer.MAX_VALUE);
    public static final int DEFAULT_MAX_ROBOTS_BYTES = 512 << 10;
    public static final Range MAX_ROBOTS_BYTES_RANGE = new Range(1, Integer.MAX_VALUE);
    public static final String DEFAULT_USER_AGENT = "crawlcase/0.1 (+https://github.com/crawlcase/crawlcase)";

    public FetchLimits {
        CONNECT_TIMEOUT_MS_RANGE.check("connectTimeoutMs", connectTimeoutMs);
        FIRST_BYTE_TIMEOUT_MS_RANGE.check("firstByteTimeoutMs", firstByteTimeoutMs);
        TOTAL_TIMEOUT_MS_RANGE.check("totalTimeoutMs", totalTimeoutMs);
        MAX_BODY_BYTES_RANGE.check("maxBodyBytes", maxBodyBytes);
        MAX_ROBOTS_BYTES_RANGE.check("maxRobotsBytes", maxRobotsBytes);
        checkTimeouts(firstByteTimeoutMs, totalTimeoutMs);
        checkUserAgent(userAgent);
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(httpVersion, "httpVersion");
        Objects.requireNonNull(request, "request");
        request.checkProxy(allowRemote);
    }

    /** Limits that add nothing to a request. */
    public FetchLimits(int connectTimeoutMs, int firstByteTimeoutMs, int totalTimeoutMs, int maxBodyBytes,
                       int maxRobotsBytes, String userAgent, boolean allowRemote, boolean allowPrivateNetworks,
                       TlsTrust trust, HttpVersionChoice httpVersion) {
        this(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRobotsBytes, userAgent,
                allowRemote, allowPrivateNetworks, trust, httpVersion, RequestControls.NONE);
    }

    /** Limits that trust the JDK's default certificate authorities only. */
    public FetchLimits(int connectTimeoutMs, int firstByteTimeoutMs, int totalTimeoutMs, int maxBodyBytes,
                       int maxRobotsBytes, String userAgent, boolean allowRemote) {
        this(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRobotsBytes, userAgent,
                allowRemote, false, TlsTrust.defaults(), HttpVersionChoice.DEFAULT);
    }

    public FetchLimits withTrust(TlsTrust newTrust) {
        return new FetchLimits(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRobotsBytes,
                userAgent, allowRemote, allowPrivateNetworks, newTrust, httpVersion, request);
    }

    public FetchLimits withPrivateNetworks(boolean allow) {
        return new FetchLimits(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRobotsBytes,
                userAgent, allowRemote, allow, trust, httpVersion, request);
    }

    public FetchLimits withHttpVersion(HttpVersionChoice version) {
        return new FetchLimits(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRobotsBytes,
                userAgent, allowRemote, allowPrivateNetworks, trust, version, request);
    }

    public FetchLimits withRequest(RequestControls controls) {
        return new FetchLimits(connectTimeoutMs, firstByteTimeoutMs, totalTimeoutMs, maxBodyBytes, maxRobotsBytes,
                userAgent, allowRemote, allowPrivateNetworks, trust, httpVersion, controls);
    }

    /** The defaults of crawl.json's {@code fetch} object, loopback only. */
    public static FetchLimits defaults() {
        return new FetchLimits(DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_FIRST_BYTE_TIMEOUT_MS, DEFAULT_TOTAL_TIMEOUT_MS,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROBOTS_BYTES, DEFAULT_USER_AGENT, false);
    }

    /** The headers cannot come after the whole response: a first-byte timeout beyond the total one means nothing. */
    public static void checkTimeouts(long firstByteTimeoutMs, long totalTimeoutMs) {
        Check.notAbove("firstByteTimeoutMs", firstByteTimeoutMs, "totalTimeoutMs", totalTimeoutMs);
    }

    /** A header value: printable ASCII only, so no configured value can end the header line or add another. */
    public static String checkUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new ConfigException("userAgent", "must be non-blank printable ASCII, got "
                    + (userAgent == null ? null : Json.encode(userAgent)));
        }
        return userAgent;
    }
}
