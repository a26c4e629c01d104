package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.FetchResult;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.HttpProtocol;
import dev.crawlcase.crawler.task.ResponseCapture;
import dev.crawlcase.crawler.task.ResponseCapture.Header;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The parts of a response head both fetchers act on, and the one place that decides whether to read the body
 * and how the final {@link FetchResult} is built from it.
 */
record ResponseHead(int status, String contentType, String charset, String location, long retryAfterMs,
                    String contentEncoding, long contentLength, List<Header> lines, HttpProtocol protocol) {

    /**
     * @param lines    every header line, in {@link ResponseHeaders#lines}' form
     * @param protocol the version the client says the response came over
     */
    static ResponseHead of(int status, UnaryOperator<String> header, List<Header> lines, HttpProtocol protocol,
                           long nowMillis) {
        String type = header.apply("Content-Type");
        String location = status >= 300 && status < 400 ? header.apply("Location") : null;
        return new ResponseHead(status, ResponseHeaders.mediaType(type), ResponseHeaders.charset(type), location,
                ResponseHeaders.retryAfterMs(header.apply("Retry-After"), nowMillis),
                header.apply("Content-Encoding"), parseLength(header.apply("Content-Length")), lines, protocol);
    }

    /**
     * How many body bytes to keep, or -1 when the body is not wanted (the fetcher aborts it): HTML of a PAGE task
     * (any status) up to maxBodyBytes; any 2xx of a ROBOTS task up to maxRobotsBytes; any 2xx of a SITEMAP task
     * (XML, text or gzip, whatever its type says) up to maxBodyBytes.
     */
    int bodyCap(FetchTask.Kind kind, FetchLimits limits) {
        if (kind == FetchTask.Kind.ROBOTS) {
            return status >= 200 && status < 300 ? limits.maxRobotsBytes() : -1;
        }
        if (kind == FetchTask.Kind.SITEMAP) {
            return status >= 200 && status < 300 ? limits.maxBodyBytes() : -1;
        }
        return ResponseHeaders.isHtml(contentType) ? limits.maxBodyBytes() : -1;
    }

    /** True when the response is known to carry no body, so there is nothing to abort. */
    boolean hasNoBody() {
        return contentLength == 0 || status == 204 || status == 304 || status < 200;
    }

    /** The result for a response whose body was not read. */
    FetchResult withoutBody(long fetchMillis) {
        // an unread body's size on the wire is unknown (Content-Length may lie); a known-empty one is 0
        return new FetchResult(status, contentType, charset, new byte[0], 0, false, location, retryAfterMs, null,
                fetchMillis, protocol, hasNoBody() ? 0 : -1, new ResponseCapture(lines, new byte[0], hasNoBody()));
    }

    /** The result for a read body: decodes gzip/deflate (inflating at most {@code cap} bytes). */
    FetchResult withBody(byte[] raw, boolean rawTruncated, int cap, long fetchMillis) {
        BodyDecoder.Decoded decoded = BodyDecoder.decode(raw, contentEncoding, cap);
        byte[] body = decoded.body();
        return new FetchResult(status, contentType, charset, body, body.length, rawTruncated || decoded.truncated(),
                location, retryAfterMs, null, fetchMillis, protocol, raw.length,
                new ResponseCapture(lines, raw, !rawTruncated));
    }

    private static long parseLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
