package dev.crawlcase.crawler.warc;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.ResponseCapture;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The records of one fetch attempt. Neither HTTP client exposes the bytes on the wire, so both messages are rebuilt
 * from what crawlcase sent and what the fetcher captured, the same in every mode: the request is the GET crawlcase
 * sends (Host, User-Agent); the response's head is the status line with the standard reason phrase and the header
 * lines as captured, except that the body is stored without chunked framing, so {@code transfer-encoding} is left
 * out and {@code content-length} states the stored bytes (WARC-Truncated says when they are not the whole body).
 * An attempt that ended without a response gets a {@code metadata} record with the error instead; a request record
 * only where a connection was made.
 */
final class WarcRecords {
    /** Errors before any byte of the request was sent: there is no request to keep. */
    private static final Set<String> NOT_SENT = Set.of("not_allowed", "unknown_host", "refused", "timeout_connect");
    private static final Set<String> FRAMING = Set.of("transfer-encoding", "content-length");

    private WarcRecords() {
    }

    /** The request and response (or metadata) records of {@code result}, an attempt that began at {@code date}. */
    static List<WarcRecord> of(FetchTask task, FetchResult result, String userAgent, Instant date) {
        URI uri = URI.create(task.url());
        List<WarcRecord> records = new ArrayList<>(2);
        UUID requestId = UUID.randomUUID();
        boolean sent = result.error() == null || !NOT_SENT.contains(result.error().label());
        if (sent) {
            byte[] request = request(uri, userAgent);
            records.add(new WarcRequest.Builder(uri).recordId(requestId).date(date)
                    .blockDigest(sha1(request)).body(MediaType.HTTP_REQUEST, request).build());
        }
        if (result.error() == null) {
            records.add(response(uri, result, date, sent ? requestId : null));
        } else {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            fields.put("fetchError", List.of(result.error().label()));
            fields.put("fetchMillis", List.of(Long.toString(result.fetchMillis())));
            fields.put("attempt", List.of(Integer.toString(task.attempt())));
            WarcMetadata.Builder metadata = new WarcMetadata.Builder().targetURI(uri).date(date).fields(fields);
            if (sent) {
                metadata.concurrentTo(URI.create("urn:uuid:" + requestId));
            }
            records.add(metadata.build());
        }
        return records;
    }

    private static WarcRecord response(URI uri, FetchResult result, Instant date, UUID requestId) {
        ResponseCapture capture = result.capture();
        byte[] payload = capture.rawBody();
        ByteArrayOutputStream block = new ByteArrayOutputStream(payload.length + 512);
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(result.status()).append(' ')
                .append(HttpResponseStatus.valueOf(result.status()).reasonPhrase()).append("\r\n");
        for (ResponseCapture.Header h : capture.headers()) {
            if (!FRAMING.contains(h.name())) {
                head.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        head.append("content-length: ").append(payload.length).append("\r\n\r\n");
        // header values arrive as ISO-8859-1 octets in both clients; writing them back the same way keeps every byte
        block.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        block.writeBytes(payload);
        byte[] bytes = block.toByteArray();
        WarcResponse.Builder response = new WarcResponse.Builder(uri).date(date)
                .blockDigest(sha1(bytes)).payloadDigest(sha1(payload))
                .body(MediaType.HTTP_RESPONSE, bytes);
        if (!capture.wholeBody()) {
            // the body was cut at the size cap, or not read at all (not HTML: only its head is kept)
            response.truncated(payload.length > 0 ? WarcTruncationReason.LENGTH : WarcTruncationReason.UNSPECIFIED);
        }
        if (requestId != null) {
            response.concurrentTo(URI.create("urn:uuid:" + requestId));
        }
        return response.build();
    }

    private static byte[] request(URI uri, String userAgent) {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return ("GET " + target + " HTTP/1.1\r\nhost: " + host + "\r\nuser-agent: " + userAgent + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static WarcDigest sha1(byte[] bytes) {
        try {
            return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
